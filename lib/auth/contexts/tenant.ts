// Be extremely careful: a TenantContext is the proof that the caller may act in a tenant as staff.
// Only `resolveTenantContext` can create one (the brand symbol is private to this module), and it
// does so only after finding the caller's membership in that tenant. Its `db` is tenant-scoped
// (lib/db/tenant-client.ts) and runs every query under row-level security.
import type { Role } from "@/lib/db/generated/enums";
import { ownerDb } from "@/lib/db/owner";
import { tenantDb, type TenantDb } from "@/lib/db/tenant-client";

const brand: unique symbol = Symbol("TenantContext");

export type TenantContext = {
  readonly [brand]: true;
  readonly tenantId: string;
  readonly slug: string;
  readonly name: string;
  readonly reportingCurrency: string;
  /** The agency's IANA zone (Tenant.timeZone): its local days and "today". */
  readonly timeZone: string;
  /** The zone this staff member reads times in: their own (User.timeZone) or else the agency's. */
  readonly viewerTimeZone: string;
  /** The zone whose local days the funnel's rollups are keyed by ("Tenant"."rollupTimeZone"; lib/funnel/time-zone-change.ts). */
  readonly funnelTimeZone: string;
  readonly userId: string;
  readonly role: Role;
  readonly db: TenantDb;
};

/** The caller's context in the tenant with this slug, or null when they are not a member. */
export async function resolveTenantContext(userId: string, slug: string): Promise<TenantContext | null> {
  // Owner lookup: the membership that produces the context (memberships are keyed by user).
  const membership = await ownerDb().membership.findFirst({
    where: { userId, tenant: { slug } },
    include: { tenant: true, user: { select: { timeZone: true } } },
  });
  if (!membership) return null;
  const { tenant } = membership;
  return {
    [brand]: true,
    tenantId: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    reportingCurrency: tenant.reportingCurrency,
    timeZone: tenant.timeZone,
    viewerTimeZone: membership.user.timeZone ?? tenant.timeZone,
    funnelTimeZone: tenant.rollupTimeZone,
    userId,
    role: membership.role,
    db: tenantDb(tenant.id),
  };
}
