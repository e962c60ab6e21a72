// Be extremely careful: a TenantContext is the proof that the caller may act in a tenant.
// Only `resolveTenantContext` can create one (the brand symbol is private to this module),
// and it does so only after finding the caller's membership in that tenant.
import type { Role } from "./generated/enums";
import { prisma } from "./client";
import { tenantDb, type TenantDb } from "./tenant-client";

const brand: unique symbol = Symbol("TenantContext");

export type TenantContext = {
  readonly [brand]: true;
  readonly tenantId: string;
  readonly slug: string;
  readonly name: string;
  readonly reportingCurrency: string;
  readonly userId: string;
  readonly role: Role;
  readonly db: TenantDb;
};

/** The caller's context in the tenant with this slug, or null when they are not a member. */
export async function resolveTenantContext(userId: string, slug: string): Promise<TenantContext | null> {
  const membership = await prisma.membership.findFirst({
    where: { userId, tenant: { slug } },
    include: { tenant: true },
  });
  if (!membership) return null;
  const { tenant } = membership;
  return {
    [brand]: true,
    tenantId: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    reportingCurrency: tenant.reportingCurrency,
    userId,
    role: membership.role,
    db: tenantDb(tenant.id),
  };
}
