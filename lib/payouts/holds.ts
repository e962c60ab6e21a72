// Releasing a payout the compliance gate held. Four eyes: one staff member requests the release
// with a note, a different one approves it; only then does the payout become ready. A payee the
// sanctions screening blocked (SDN match, Crimea, so-called DNR/LNR) cannot be released at all.
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { payoutHoldReasons } from "@/lib/compliance/gate";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { refreshRunCompletion } from "./run-status";

export const MAX_RELEASE_NOTE = 1000;

async function heldPayout(ctx: TenantContext, payoutId: string) {
  const payout = await ctx.db.payout.findFirst({
    where: { id: payoutId },
    select: { id: true, runId: true, partnerId: true, status: true, holdReason: true, releaseRequestedById: true, run: { select: { status: true } } },
  });
  if (!payout) throw new NotFoundError();
  if (payout.status !== "held") throw new DomainError("payouts.not_held");
  if (payout.run.status === "cancelled") throw new DomainError("payouts.run_cancelled");
  if ((payout.holdReason ?? "").split(",").includes("sanctions_blocked")) throw new DomainError("payouts.blocked_cannot_release");
  return payout;
}

export async function requestHoldRelease(ctx: TenantContext, payoutId: string, note: string) {
  assertCan(ctx, "payouts:manage");
  const text = note.trim();
  if (!text) throw new DomainError("payouts.release_note_required");
  await heldPayout(ctx, payoutId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.payout.updateMany({
      where: { id: payoutId, status: "held" },
      data: { releaseRequestedById: ctx.userId, releaseRequestedAt: new Date(), releaseNote: text.slice(0, MAX_RELEASE_NOTE) },
    });
    if (count !== 1) throw new DomainError("payouts.not_held");
    await auditIn(tx, ctx, { action: "payouts.hold_release_requested", entityType: "Payout", entityId: payoutId, data: { note: text.slice(0, MAX_RELEASE_NOTE) } });
  });
}

export async function approveHoldRelease(ctx: TenantContext, payoutId: string) {
  assertCan(ctx, "payouts:manage");
  const payout = await heldPayout(ctx, payoutId);
  if (!payout.releaseRequestedById) throw new DomainError("payouts.release_not_requested");
  if (payout.releaseRequestedById === ctx.userId) throw new DomainError("payouts.second_approver_required");
  // The gate again, now: a payee screened as blocked since the run was created stays held.
  const now = await payoutHoldReasons(ctx.db, [payout.partnerId]);
  if (now.get(payout.partnerId)?.includes("sanctions_blocked")) throw new DomainError("payouts.blocked_cannot_release");
  await ctx.db.$transaction(async (tx) => {
    // Conditional on the same request still standing: a re-request by someone else in between wins.
    const { count } = await tx.payout.updateMany({
      where: { id: payoutId, status: "held", releaseRequestedById: payout.releaseRequestedById },
      data: { status: "ready", releasedById: ctx.userId, releasedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("payouts.not_held");
    await refreshRunCompletion(tx, payout.runId);
    await auditIn(tx, ctx, {
      action: "payouts.hold_released", entityType: "Payout", entityId: payoutId,
      data: { holdReason: payout.holdReason, requestedById: payout.releaseRequestedById },
    });
  });
}
