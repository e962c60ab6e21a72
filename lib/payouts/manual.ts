// Staff settle a payout by hand: the manual rail (paid with an external reference, or failed with
// a reason), and the receipt («чек» from «Мой налог») a self-employed Russian payee sends after
// being paid. Money moves only through settle.ts; these add the guard, the run check and the audit.
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { refreshRunCompletion } from "./run-status";
import { settlePayoutFailed, settlePayoutPaid } from "./settle";

async function payoutInRun(ctx: TenantContext, payoutId: string) {
  const payout = await ctx.db.payout.findFirst({ where: { id: payoutId }, select: { id: true, runId: true, rail: true, status: true, run: { select: { status: true } } } });
  if (!payout) throw new NotFoundError();
  return payout;
}

export async function markPayoutPaidManually(ctx: TenantContext, payoutId: string, externalId: string) {
  assertCan(ctx, "payouts:manage");
  const ref = externalId.trim();
  if (!ref) throw new DomainError("payouts.external_id_required");
  const payout = await payoutInRun(ctx, payoutId);
  if (payout.rail !== "manual") throw new DomainError("payouts.not_manual");
  if (payout.run.status !== "executing" && payout.run.status !== "completed") throw new DomainError("payouts.run_not_executing");
  await ctx.db.$transaction(async (tx) => {
    const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
    if (!(await settlePayoutPaid(tx, actor, payoutId, { externalId: ref }))) throw new DomainError("payouts.payout_not_open");
    await refreshRunCompletion(tx, payout.runId);
    await auditIn(tx, ctx, { action: "payouts.manual_paid", entityType: "Payout", entityId: payoutId, data: { externalId: ref } });
  });
}

/** Fails an open payout (any rail but Stripe, whose failures come from Stripe itself); its commissions return to the pool. */
export async function markPayoutFailedManually(ctx: TenantContext, payoutId: string, reason: string) {
  assertCan(ctx, "payouts:manage");
  const text = reason.trim();
  if (!text) throw new DomainError("payouts.failure_reason_required");
  const payout = await payoutInRun(ctx, payoutId);
  if (payout.rail === "stripe") throw new DomainError("payouts.not_manual");
  if (payout.run.status !== "executing" && payout.run.status !== "completed") throw new DomainError("payouts.run_not_executing");
  if (payout.status === "paid") throw new DomainError("payouts.payout_not_open");
  await ctx.db.$transaction(async (tx) => {
    const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
    if (!(await settlePayoutFailed(tx, actor, payoutId, text.slice(0, 500)))) throw new DomainError("payouts.payout_not_open");
    await refreshRunCompletion(tx, payout.runId);
    await auditIn(tx, ctx, { action: "payouts.manual_failed", entityType: "Payout", entityId: payoutId, data: { reason: text.slice(0, 500) } });
  });
}

/** Records the self-employed payee's receipt number for a paid payout. */
export async function setPayoutReceipt(ctx: TenantContext, payoutId: string, receiptRef: string) {
  assertCan(ctx, "payouts:manage");
  const ref = receiptRef.trim().slice(0, 100);
  if (!ref) throw new DomainError("payouts.receipt_required");
  const payout = await payoutInRun(ctx, payoutId);
  if (payout.status !== "paid") throw new DomainError("payouts.receipt_needs_paid");
  await ctx.db.$transaction(async (tx) => {
    await tx.payout.updateMany({ where: { id: payoutId }, data: { receiptRef: ref } });
    await auditIn(tx, ctx, { action: "payouts.receipt_recorded", entityType: "Payout", entityId: payoutId, data: { receiptRef: ref } });
  });
}
