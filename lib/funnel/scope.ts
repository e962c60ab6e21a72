// Be extremely careful: a FunnelScope decides whose numbers a query returns. Staff get the whole
// tenant; a partner gets only their own rows (partnerId forced, and the filter cannot widen it).
import { assertCan } from "@/lib/auth/permissions";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { tenantReadDb } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { FunnelScope } from "./types";

/** The staff dashboard's scope: the whole tenant, in its reporting currency, on the local days its rollups are keyed by. */
export function funnelScopeForTenant(ctx: TenantContext): FunnelScope {
  assertCan(ctx, "funnel:read");
  return { tenantId: ctx.tenantId, reportingCurrency: ctx.reportingCurrency, timeZone: ctx.funnelTimeZone };
}

/** The partner portal's scope: this partner's rows only. */
export async function funnelScopeForPartner(ctx: PartnerContext): Promise<FunnelScope> {
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { reportingCurrency: true, rollupTimeZone: true } });
  if (!tenant) throw new NotFoundError();
  return { tenantId: ctx.tenantId, reportingCurrency: tenant.reportingCurrency, partnerId: ctx.partnerId, timeZone: tenant.rollupTimeZone };
}

/**
 * A scope from ids, for callers that already proved who they are (the bench, tests, jobs). Never
 * build one from request input: pages and actions use the two functions above.
 */
export function trustedFunnelScope(tenantId: string, reportingCurrency: string, partnerId?: string, timeZone?: string): FunnelScope {
  if (!tenantId) throw new Error("a funnel scope needs a tenant id");
  const scope: FunnelScope = partnerId ? { tenantId, reportingCurrency, partnerId } : { tenantId, reportingCurrency };
  return timeZone ? { ...scope, timeZone } : scope;
}

/**
 * The client the funnel's raw SQL runs on. `$queryRaw` is NOT scoped by the tenant client's
 * extension, so every statement in lib/funnel filters by `scope.tenantId` (and partnerId) itself
 * — see `scopeWhere` in `sql.ts`.
 *
 * It reads the replica when DATABASE_READ_URL is set (the primary otherwise): every funnel view,
 * drill-down and export may be a few seconds behind, and lib/funnel only reads (the client is
 * read-only; a write through it fails). No page that shows a user's own change right after it is
 * made reads through here — docs/operations.md, "Read replica".
 */
export function funnelDb(scope: FunnelScope) {
  return tenantReadDb(scope.tenantId);
}

export type FunnelDb = ReturnType<typeof funnelDb>;
