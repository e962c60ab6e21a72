// A run's own lifecycle: draft → approved → executing → completed, or cancelled before execution.
// Every move is a conditional update (the run must still be in the expected state), so two staff
// members clicking at once move it once.
import type { PayoutRunStatus, PayoutStatus } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { cancelPayout } from "./settle";

type Db = TenantDb | TenantTx;
const TX_OPTIONS = { timeout: 60_000, maxWait: 10_000 } as const;

/** Payout states in which nothing more is expected to happen in this run. */
export const SETTLED_PAYOUT: PayoutStatus[] = ["paid", "failed", "cancelled", "held"];

/** The run in the caller's tenant, or the same not-found a foreign id gets. */
export async function getRunOrThrow(db: Db, runId: string) {
  const run = await db.payoutRun.findFirst({ where: { id: runId } });
  if (!run) throw new NotFoundError();
  return run;
}

async function moveRun(tx: Db, runId: string, from: PayoutRunStatus[], data: Record<string, unknown> & { status: PayoutRunStatus }) {
  const { count } = await tx.payoutRun.updateMany({ where: { id: runId, status: { in: from } }, data });
  return count === 1;
}

export async function approvePayoutRun(ctx: TenantContext, runId: string) {
  assertCan(ctx, "payouts:manage");
  await getRunOrThrow(ctx.db, runId);
  await ctx.db.$transaction(async (tx) => {
    const moved = await moveRun(tx, runId, ["draft"], { status: "approved", approvedById: ctx.userId, approvedAt: new Date() });
    if (!moved) throw new DomainError("payouts.run_not_draft");
    await auditIn(tx, ctx, { action: "payouts.run_approved", entityType: "PayoutRun", entityId: runId });
  });
}

/** Cancels a run that has not started executing; its held and ready payouts give their commissions back. */
export async function cancelPayoutRun(ctx: TenantContext, runId: string, reason = "run_cancelled") {
  assertCan(ctx, "payouts:manage");
  await getRunOrThrow(ctx.db, runId);
  await ctx.db.$transaction(async (tx) => {
    const moved = await moveRun(tx, runId, ["draft", "approved"], { status: "cancelled" });
    if (!moved) throw new DomainError("payouts.run_not_cancellable");
    const payouts = await tx.payout.findMany({ where: { runId, status: { in: ["held", "ready"] } }, select: { id: true } });
    const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
    for (const p of payouts) await cancelPayout(tx, actor, p.id, reason);
    await auditIn(tx, ctx, { action: "payouts.run_cancelled", entityType: "PayoutRun", entityId: runId, data: { payouts: payouts.length } });
  }, TX_OPTIONS);
}

/**
 * Completed once every payout is paid, failed, cancelled or (still) held; back to executing when a
 * released hold reopened one. Call after every payout change of an executing or completed run.
 */
export async function refreshRunCompletion(db: Db, runId: string): Promise<PayoutRunStatus | null> {
  const open = await db.payout.count({ where: { runId, status: { notIn: SETTLED_PAYOUT } } });
  if (open === 0) {
    // A run is complete when its payouts are, whoever settled the last one (a pass, a webhook, staff):
    // its progress says so too, also when a webhook completes it before the pass records its chunk.
    const total = await db.payout.count({ where: { runId } });
    if (await moveRun(db, runId, ["executing"], { status: "completed", completedAt: new Date(), processed: total })) return "completed";
  } else if (await moveRun(db, runId, ["completed"], { status: "executing", completedAt: null })) return "executing";
  return null;
}
