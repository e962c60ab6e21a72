// Be extremely careful: enqueues jobs as the owner (the queue's tables belong to no tenant). A job's
// payload names its tenant; the task does the tenant's work through SystemContext.forTenant, so
// row-level security applies to everything the job touches. Never put secrets in a payload: it is
// stored in graphile_worker's tables.
import { systemContext } from "@/lib/auth/contexts/system";

/** Every job the app enqueues (tasks in lib/jobs/tasks.ts). */
export type JobPayloads = {
  "payouts:execute-run": { tenantId: string; runId: string; userId: string | null };
  "commissions:events": { tenantId: string; eventIds: string[] };
  /** Enqueued in SQL (twoway_enqueue_rollup_rekey) by changeTenantTimeZone, or by funnel:rollup-check. */
  "funnel:rekey-time-zone": { tenantId: string };
  "webhooks:fan-out": { tenantId: string };
  "webhooks:deliver": { tenantId: string; endpointId: string };
  /** "Get erid" on a placement (lib/ord/sync-placement.ts). */
  "ord:sync": { tenantId: string; placementId: string; userId: string | null };
  /** "Send statistics to the ОРД" for a month (lib/ord/send-statistics.ts). */
  "ord:statistics": { tenantId: string; month: string; userId: string | null };
  /** A sweep over every tenant (lib/messages/mail.ts); enqueued when a message is sent. */
  "mail:partner-messages": Record<string, never>;
};

export type EnqueueOptions = {
  /** One pending job per key: a second enqueue with the same key updates the waiting one. */
  jobKey?: string;
  maxAttempts?: number;
  /** "replace" moves a waiting job with the same key to this run time; default "preserve_run_at" keeps its time. */
  jobKeyMode?: "replace" | "preserve_run_at";
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Jobs of one named queue run one at a time, in order. */
  queueName?: string;
};

/** Adds a job (graphile_worker.add_job); any worker process picks it up, with retries and exponential backoff. */
export async function enqueueJob<T extends keyof JobPayloads>(task: T, payload: JobPayloads[T], options: EnqueueOptions = {}): Promise<void> {
  const db = systemContext("jobs").db;
  await db.$queryRaw`SELECT (graphile_worker.add_job(
    ${task}::text, ${JSON.stringify(payload)}::json,
    run_at := ${options.runAt ?? null}::timestamptz, max_attempts := ${options.maxAttempts ?? 25}::int, job_key := ${options.jobKey ?? null}::text, job_key_mode := ${options.jobKeyMode ?? "preserve_run_at"}::text, queue_name := ${options.queueName ?? null}::text
  )).id`;
}
