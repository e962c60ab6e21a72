import type { TenantDb } from "@/lib/db/tenant-client";
import { enqueueJob } from "@/lib/jobs/queue";
import { runCommissionJob } from "./run-job";
import { log } from "@/lib/ops/log";

/** The inline credit failed: a job retries it with backoff (any worker), else the hourly job catches up. */
async function retryAsJob(tenantId: string, eventIds: string[], message: string, error: unknown) {
  log().error({ err: error }, message);
  await enqueueJob("commissions:events", { tenantId, eventIds }).catch((err: unknown) => {
    log().error({ err }, "commission retry job not enqueued; the hourly commission job will catch up");
  });
}

/**
 * Best effort, right after a conversion event is stored (its transaction has committed): credits the
 * event's commissions now instead of at the next scheduled job run. Never throws — a failure here is
 * logged and retried as a job (lib/jobs/tasks.ts, "commissions:events"); the hourly job is the backstop. Events without a
 * partner and program (direct customers) cannot earn and cost nothing.
 */
export async function creditCommissionsAfterIngest(
  scope: { db: TenantDb; tenantId: string },
  event: { id: string; partnerId: string | null; programId: string | null },
): Promise<void> {
  if (!event.partnerId || !event.programId) return;
  try {
    await runCommissionJob(scope.db, { tenantId: scope.tenantId, userId: null }, { eventIds: [event.id], approveDue: false });
  } catch (error) {
    await retryAsJob(scope.tenantId, [event.id], "commission job after ingest failed; retrying as a job", error);
  }
}

/**
 * The same after a referral's move recorded pipeline events (lib/referrals/pipeline-events.ts): the
 * job for those events, after the transition committed. Never throws; returns the job's result
 * (null on failure) so callers that wait for it can show it.
 */
export async function creditCommissionsAfterTransition(scope: { db: TenantDb; tenantId: string }, eventIds: string[]) {
  if (eventIds.length === 0) return null;
  try {
    return await runCommissionJob(scope.db, { tenantId: scope.tenantId, userId: null }, { eventIds, approveDue: false });
  } catch (error) {
    await retryAsJob(scope.tenantId, eventIds, "commission job after a referral transition failed; retrying as a job", error);
    return null;
  }
}
