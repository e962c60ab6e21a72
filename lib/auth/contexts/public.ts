// Be careful: a PublicContext is what an anonymous visitor of a tenant's public pages (the
// opportunity board, opt-ins, program applications, share links) may act through. It proves
// nothing about the visitor — only which tenant the public slug names. The slug → tenant lookup
// is the one owner query here; everything after it runs on `db`, the tenant-scoped client under
// row-level security, so a public query cannot reach another tenant's rows even if it forgets a
// filter. What a visitor may SEE (open opportunities only, no partners or programs' internals) is
// still each query's job (lib/opportunities/public-board.ts, lib/partners/public-programs.ts).
import { ownerDb } from "@/lib/db/owner";
import { tenantDb, type TenantDb } from "@/lib/db/tenant-client";

const brand: unique symbol = Symbol("PublicContext");

export type PublicContext = {
  readonly [brand]: true;
  readonly tenantId: string;
  /** The same id, under the name the board pages read (`tenant.id`). */
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  /** The agency's IANA zone: a visitor of its public pages reads times in it. */
  readonly timeZone: string;
  readonly db: TenantDb;
};

/** The public side of the tenant with this slug, or null when there is none (the page answers 404). */
export async function resolvePublicContext(slug: string): Promise<PublicContext | null> {
  const tenant = await ownerDb().tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, timeZone: true } });
  if (!tenant) return null;
  return { [brand]: true, tenantId: tenant.id, id: tenant.id, slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone, db: tenantDb(tenant.id) };
}
