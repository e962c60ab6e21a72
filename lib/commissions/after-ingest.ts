import type { TenantDb } from "@/lib/db/tenant-client";
import { runCommissionJob } from "./run-job";
import { log } from "@/lib/ops/log";

/**
 * Best effort, right after a conversion event is stored (its transaction has committed): credits the
 * event's commissions now instead of at the next scheduled job run. Never throws — a failure here is
 * logged and the scheduled job (scripts/job-commissions.ts) picks the event up later. Events without a
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
    log().error({ err: error }, "commission job after ingest failed; the scheduled run will retry");
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
    log().error({ err: error }, "commission job after a referral transition failed; the scheduled run will retry");
    return null;
  }
}
