import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan, can } from "@/lib/auth/permissions";
import { presetRange } from "@/lib/funnel/params";
import { funnelScopeForTenant, getFunnelSummary } from "@/lib/funnel/queries";
import type { FunnelSummary } from "@/lib/funnel/types";

/** Headline counts for the staff home page; each number is a plain count of live rows. */
export async function workspaceOverview(ctx: TenantContext) {
  assertCan(ctx, "dashboard:read");
  const [brands, creators, partners, programs, referralsByStatus] = await Promise.all([
    ctx.db.brand.groupBy({ by: ["market"], where: { archivedAt: null }, _count: { _all: true } }),
    ctx.db.creator.groupBy({ by: ["market"], where: { archivedAt: null }, _count: { _all: true } }),
    ctx.db.partner.count({ where: { status: "active" } }),
    ctx.db.program.count({ where: { archivedAt: null } }),
    ctx.db.referral.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const sum = (rows: { _count: { _all: number } }[]) => rows.reduce((n, r) => n + r._count._all, 0);
  return {
    brands: { total: sum(brands), byMarket: Object.fromEntries(brands.map((r) => [r.market, r._count._all])) },
    creators: { total: sum(creators), byMarket: Object.fromEntries(creators.map((r) => [r.market, r._count._all])) },
    activePartners: partners,
    programs,
    referralsByStatus: Object.fromEntries(referralsByStatus.map((r) => [r.status, r._count._all])) as Record<string, number>,
  };
}

/** The last 30 local days of the funnel (the agency's "today") for the home card (period basis), or null for a role without funnel:read. */
export async function funnelSnapshot(ctx: TenantContext, now: Date = new Date()): Promise<FunnelSummary | null> {
  if (!can(ctx.role, "funnel:read")) return null;
  const scope = funnelScopeForTenant(ctx);
  return getFunnelSummary(scope, { ...presetRange("30d", now, scope.timeZone), basis: "period" });
}
