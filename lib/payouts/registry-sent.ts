// "Mark registry as sent": staff handed the run's RUB registry to the bank or counterparty. The
// ready registry payouts become sent and wait for the bank statement (reconcile.ts).
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/kernel/errors";
import { getRunOrThrow, refreshRunCompletion } from "./run-status";
import { markPayoutSent } from "./settle";

export async function markRegistrySent(ctx: TenantContext, runId: string): Promise<{ sent: number }> {
  assertCan(ctx, "payouts:manage");
  const run = await getRunOrThrow(ctx.db, runId);
  if (run.status !== "executing" && run.status !== "completed") throw new DomainError("payouts.run_not_executing");
  return ctx.db.$transaction(async (tx) => {
    const ready = await tx.payout.findMany({ where: { runId, rail: "registry", status: "ready" }, select: { id: true } });
    if (ready.length === 0) throw new DomainError("payouts.registry_nothing_to_send");
    let sent = 0;
    for (const p of ready) if (await markPayoutSent(tx, p.id)) sent += 1;
    await tx.payoutRun.updateMany({ where: { id: runId }, data: { registrySentAt: new Date() } });
    await refreshRunCompletion(tx, runId);
    await auditIn(tx, ctx, { action: "payouts.registry_sent", entityType: "PayoutRun", entityId: runId, data: { payouts: sent } });
    return { sent };
  }, { timeout: 60_000, maxWait: 10_000 });
}
