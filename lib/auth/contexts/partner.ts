// Be extremely careful: a PartnerContext proves the signed-in user is an active partner of the
// tenant. Portal code reads only through it, and only that partner's own rows.
import { ownerDb } from "@/lib/db/owner";
import { tenantDb, type TenantDb } from "@/lib/db/tenant-client";

const brand: unique symbol = Symbol("PartnerContext");

export type PartnerContext = {
  readonly [brand]: true;
  readonly tenantId: string;
  readonly slug: string;
  readonly tenantName: string;
  /** The agency's IANA zone (Tenant.timeZone). */
  readonly timeZone: string;
  /** The zone this partner reads times in: their own (User.timeZone) or else the agency's. */
  readonly viewerTimeZone: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly userId: string;
  readonly db: TenantDb;
};

export async function resolvePartnerContext(userId: string, slug: string): Promise<PartnerContext | null> {
  // Owner lookup: the user's active partner seat in the tenant with this slug.
  const partner = await ownerDb().partner.findFirst({
    where: { userId, status: "active", tenant: { slug } },
    include: { tenant: true, user: { select: { timeZone: true } } },
  });
  if (!partner) return null;
  return {
    [brand]: true,
    tenantId: partner.tenantId,
    slug: partner.tenant.slug,
    tenantName: partner.tenant.name,
    timeZone: partner.tenant.timeZone,
    viewerTimeZone: partner.user?.timeZone ?? partner.tenant.timeZone,
    partnerId: partner.id,
    partnerName: partner.name,
    userId,
    db: tenantDb(partner.tenantId),
  };
}
