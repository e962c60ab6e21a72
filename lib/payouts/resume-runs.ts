// Be extremely careful: a tenant-less scan (SystemContext, owner) for runs that need another pass —
// a worker died mid-run, the enqueue after "Execute" failed, or a payout was left `processing`. It
// only finds the run ids; the pass itself is a job in the run's tenant (forTenant, under RLS).
import { systemContext } from "@/lib/auth/contexts/system";
import { enqueueJob } from "@/lib/jobs/queue";
import { SETTLED_PAYOUT } from "./run-status";

/** Same window as execute-run.ts: a `processing` payout untouched this long belongs to a dead pass. */
const STALE_PROCESSING_MS = 5 * 60_000;

/** The payout-run job for one run (one waiting job per run). */
export function enqueueRunExecution(tenantId: string, runId: string, userId: string | null) {
  return enqueueJob("payouts:execute-run", { tenantId, runId, userId }, { jobKey: `payout-run:${runId}` });
}

/**
 * Every executing run with a Stripe payout waiting (ready, or processing past the stale window) or
 * with nothing left open (its status must catch up): one execution job each. Returns how many.
 * Runs every minute as a recurring job, so a run finishes after any crash.
 */
export async function resumeExecutingRuns(now = new Date()): Promise<number> {
  const system = systemContext("jobs");
  const stale = new Date(now.getTime() - STALE_PROCESSING_MS);
  const runs = await system.db.payoutRun.findMany({
    where: {
      status: "executing",
      OR: [
        { payouts: { some: { rail: "stripe", OR: [{ status: "ready" }, { status: "processing", updatedAt: { lt: stale } }] } } },
        { payouts: { none: { status: { notIn: SETTLED_PAYOUT } } } },
      ],
    },
    select: { id: true, tenantId: true, executedById: true },
    take: 500,
  });
  for (const run of runs) await enqueueRunExecution(run.tenantId, run.id, run.executedById);
  return runs.length;
}
