import type { TenantContext } from "@/lib/auth/contexts/tenant";

/** What a new program or rule starts with: the agency's reporting currency and enabled markets. */
export async function agencyDefaults(ctx: TenantContext): Promise<{ currency: string; markets: string[] }> {
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { enabledMarkets: true } });
  return { currency: ctx.reportingCurrency, markets: tenant.enabledMarkets };
}
