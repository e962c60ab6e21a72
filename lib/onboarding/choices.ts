// The two answers the checklist stores on the tenant itself: "we close by hand" and "hide it".
import { recordAudit } from "@/lib/audit/record-audit";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";

/** The agency records closes by hand (staff move referrals to won, or import revenue) instead of an API key. */
export async function setClosesByHand(ctx: TenantContext, closesByHand: boolean) {
  assertCan(ctx, "settings:manage");
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { closesByHand } });
  await recordAudit(ctx, { action: "settings.updated", entityType: "Tenant", entityId: ctx.tenantId, data: { closesByHand } });
}

/** Hides the checklist for everyone in the agency; its steps' pages stay where they are. */
export async function dismissOnboarding(ctx: TenantContext, now: Date = new Date()) {
  assertCan(ctx, "settings:manage");
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { onboardingDismissedAt: now } });
  await recordAudit(ctx, { action: "settings.updated", entityType: "Tenant", entityId: ctx.tenantId, data: { onboardingDismissed: true } });
}
