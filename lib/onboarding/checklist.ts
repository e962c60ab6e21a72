// The onboarding checklist on a new agency's overview: six steps, each ticked from rows the agency
// already has (never from anything the browser says), read through the tenant-scoped client.
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";

export const onboardingSteps = ["program", "commissionRule", "partnerInvited", "opportunity", "payoutSettings", "closes"] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

export type OnboardingChecklist = {
  steps: { key: OnboardingStep; done: boolean; path: string }[];
  doneCount: number;
  total: number;
  /** The API key step was answered with "we close by hand" (not with a key). */
  closesByHand: boolean;
};

// Where each step is done, relative to /{locale}/t/{slug}.
const stepPaths: Record<OnboardingStep, string> = {
  program: "programs",
  commissionRule: "commissions/rules#rule-form",
  partnerInvited: "partners/new",
  opportunity: "opportunities/new",
  payoutSettings: "payouts",
  closes: "settings/api-keys",
};

/** Which steps are done, from this tenant's rows only (ctx.db adds the tenant to every query). */
export async function readOnboardingSteps(ctx: TenantContext): Promise<{ done: Record<OnboardingStep, boolean>; closesByHand: boolean }> {
  const [tenant, program, rule, invite, partner, opportunity, minimums, apiKey] = await Promise.all([
    ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { closesByHand: true } }),
    ctx.db.program.findFirst({ where: { archivedAt: null }, select: { id: true } }),
    ctx.db.commissionRule.findFirst({ where: { archivedAt: null }, select: { id: true } }),
    ctx.db.partnerInvite.findFirst({ select: { id: true } }),
    // A partner who joined an open program counts as much as an invited one.
    ctx.db.partner.findFirst({ where: { status: { in: ["invited", "active", "suspended"] } }, select: { id: true } }),
    ctx.db.opportunity.findFirst({ select: { id: true } }),
    // Payout settings are the minimum payouts per currency (lib/payouts/minimums.ts): the step is
    // done once the agency has saved them, even unchanged — it looked at them and agreed.
    ctx.db.auditLog.findFirst({ where: { action: "payouts.minimums_updated" }, select: { id: true } }),
    ctx.db.apiKey.findFirst({ where: { revokedAt: null }, select: { id: true } }),
  ]);
  return {
    closesByHand: tenant.closesByHand,
    done: {
      program: program !== null,
      commissionRule: rule !== null,
      partnerInvited: invite !== null || partner !== null,
      opportunity: opportunity !== null,
      payoutSettings: minimums !== null,
      closes: apiKey !== null || tenant.closesByHand,
    },
  };
}

/**
 * The checklist to show, or null when it is hidden: dismissed, or once seen complete. The first
 * time every step is done the tenant records it, so the card does not come back (and the queries
 * stop) when a program is later archived.
 */
export async function onboardingChecklist(ctx: TenantContext, now: Date = new Date()): Promise<OnboardingChecklist | null> {
  assertCan(ctx, "dashboard:read");
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { onboardingDismissedAt: true, onboardingCompletedAt: true } });
  if (tenant.onboardingDismissedAt || tenant.onboardingCompletedAt) return null;
  const { done, closesByHand } = await readOnboardingSteps(ctx);
  const steps = onboardingSteps.map((key) => ({ key, done: done[key], path: stepPaths[key] }));
  const doneCount = steps.filter((s) => s.done).length;
  if (doneCount === steps.length) {
    await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { onboardingCompletedAt: now } });
    return null;
  }
  return { steps, doneCount, total: steps.length, closesByHand };
}
