// Is any job worker alive? Every worker's scheduler records each cron tick it runs (graphile-worker's
// known-crontabs table, one row per recurring job); the resume sweep ticks every minute, so a
// fresh tick means some worker — in this process or another — is taking jobs. For /readyz.
import { systemContext } from "@/lib/auth/contexts/system";
import { registerReadinessCheck } from "@/lib/ops/readiness";

/** Seconds since the last recurring-job tick of any worker, or null when no worker ever ran. */
export async function workerHeartbeatAgeSeconds(): Promise<number | null> {
  const rows = await systemContext("jobs").db.$queryRaw<{ age: number | null }[]>`
    SELECT extract(epoch FROM now() - max(last_execution))::float8 AS age
    FROM graphile_worker._private_known_crontabs WHERE identifier = 'payouts:resume-runs'`;
  return rows[0]?.age ?? null;
}

/** A readiness check: true when a worker ticked within `maxAgeSeconds` (default: two missed minutes). */
export async function workerHeartbeatFresh(maxAgeSeconds = 150): Promise<boolean> {
  const age = await workerHeartbeatAgeSeconds();
  return age !== null && age <= maxAgeSeconds;
}

/**
 * The "worker" check of /readyz (lib/ops/readiness.ts): fresh when this process's own worker polled
 * within 30 s, or — web instances without one (JOBS_IN_WEB=0) — when any worker ticked recently.
 */
export function registerWorkerHeartbeatCheck(local?: { lastActivity(): Date }): () => void {
  return registerReadinessCheck("worker", async () => {
    const localAgeMs = local ? Date.now() - local.lastActivity().getTime() : null;
    if (localAgeMs !== null && localAgeMs < 30_000) return { ok: true, detail: { inProcess: true, ageMs: localAgeMs } };
    const age = await workerHeartbeatAgeSeconds();
    return { ok: age !== null && age <= 150, detail: { inProcess: local !== undefined, lastTickSecondsAgo: age } };
  });
}
