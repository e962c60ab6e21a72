// The partner-mail sweep (lib/referrals/partner-digest.ts) runs as the job `mail:partner-digest`:
// every minute from the crontab (./tasks.ts; a minute is graphile-worker's finest), so it runs
// wherever workers run. A minute is small next to the default 5-minute batching delay, but not next
// to a delay of seconds (e2e uses 2 s): below a minute each worker also enqueues the sweep every
// delay/2 (at least every second). Every enqueue uses one job key, so a waiting sweep absorbs the
// others and many workers add one job, not one each, and one named queue, so two sweeps never run at
// once (and if they did — a manual `npm run job:partner-mail` — notices are claimed with FOR UPDATE
// SKIP LOCKED: each mail goes once).
import type { AddJobFunction } from "graphile-worker";
import { log } from "@/lib/ops/log";

export const PARTNER_MAIL_TASK = "mail:partner-digest";
/** Below this delay the crontab's minute would dominate it: workers enqueue the sweep themselves. */
export const NUDGE_BELOW_DELAY_SECONDS = 60;

/** Every delay/2, at least 1 s; null when the crontab's minute is enough. */
export function partnerMailNudgeIntervalMs(delaySeconds: number): number | null {
  if (delaySeconds >= NUDGE_BELOW_DELAY_SECONDS) return null;
  return Math.max(1_000, Math.floor((delaySeconds * 1000) / 2));
}

/**
 * One job key: a waiting sweep absorbs further enqueues. One named queue: its jobs run one at a time
 * across every worker, so a sweep enqueued while another runs waits for it instead of running beside it.
 */
export const partnerMailJobSpec = { jobKey: PARTNER_MAIL_TASK, jobKeyMode: "preserve_run_at", queueName: PARTNER_MAIL_TASK, maxAttempts: 3 } as const;

/** Enqueues the sweep on an unref()ed timer when the delay is short; returns the function that stops it. */
export function startPartnerMailNudge(addJob: AddJobFunction, delaySeconds: number): () => void {
  const intervalMs = partnerMailNudgeIntervalMs(delaySeconds);
  if (intervalMs === null) return () => {};
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return;
    pending = true;
    addJob(PARTNER_MAIL_TASK, {}, partnerMailJobSpec)
      .catch((err: unknown) => log().warn({ err }, "partner mail: could not enqueue the sweep"))
      .finally(() => {
        pending = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
