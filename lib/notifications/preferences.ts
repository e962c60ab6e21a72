// Each staff member's e-mail choice, per agency (Membership.mailMode): instant (default: a new item
// is what a person wants to hear about soon), a daily digest at 08:00 agency time, or off.
// The agency's "waiting too long" threshold (Tenant.staleReferralDays) is an agency setting.
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffMailMode } from "@/lib/db/generated/enums";

export const staffMailModes = ["instant", "digest", "off"] as const satisfies readonly StaffMailMode[];

export async function getMailMode(ctx: TenantContext): Promise<StaffMailMode> {
  const m = await ctx.db.membership.findFirst({ where: { userId: ctx.userId }, select: { mailMode: true } });
  return m?.mailMode ?? "instant";
}

/**
 * Changes only the caller's own membership. Turning e-mail off settles the items still waiting for a
 * mail, so turning it on later does not send a backlog.
 */
export async function setMailMode(ctx: TenantContext, mode: StaffMailMode): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.membership.updateMany({ where: { userId: ctx.userId }, data: { mailMode: mode } });
    if (mode === "off") await tx.staffNotification.updateMany({ where: { userId: ctx.userId, mailedAt: null }, data: { mailedAt: new Date() } });
  });
}

export async function getStaleReferralDays(ctx: TenantContext): Promise<number> {
  const t = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { staleReferralDays: true } });
  return t.staleReferralDays;
}

export async function setStaleReferralDays(ctx: TenantContext, days: number): Promise<void> {
  assertCan(ctx, "settings:manage");
  const before = await getStaleReferralDays(ctx);
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { staleReferralDays: days } });
  await recordAudit(ctx, { action: "settings.updated", entityType: "Tenant", entityId: ctx.tenantId, data: { staleReferralDays: days, previous: before } });
}
