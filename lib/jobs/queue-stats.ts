// Job queue depth for /metrics (twoway_job_queue_jobs, lib/ops/metrics.ts): graphile-worker's public
// `jobs` view grouped by task. Runs as the owner (the queue's tables belong to no tenant) with a
// short statement timeout; the metrics layer caches it, so a scrape costs one query per 15 s at most.
import type { SystemContext } from "@/lib/auth/contexts/system";
import type { JobQueueRow } from "@/lib/ops/metrics";

export async function jobQueueDepth(system: SystemContext, timeoutMs = 2_000): Promise<JobQueueRow[]> {
  const [, rows] = await system.db.$transaction([
    system.db.$executeRaw`SELECT set_config('statement_timeout', ${String(timeoutMs)}, true)`,
    system.db.$queryRaw<JobQueueRow[]>`
      SELECT task_identifier AS task,
        (count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()))::int AS ready,
        (count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now()))::int AS scheduled,
        (count(*) FILTER (WHERE locked_at IS NOT NULL))::int AS locked,
        (count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts))::int AS failed
      FROM graphile_worker.jobs
      GROUP BY task_identifier`,
  ]);
  return rows;
}
