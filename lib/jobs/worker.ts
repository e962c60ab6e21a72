// The job worker (graphile-worker on the app's PostgreSQL, or the embedded one): `npm run worker`
// runs it in its own process, `npm start` inside the app server. Several workers may run at once:
// jobs are taken with SELECT … FOR UPDATE SKIP LOCKED, and each cron tick runs once. With a short
// PARTNER_MAIL_DELAY_SECONDS each worker also enqueues the partner-mail sweep (./partner-mail.ts).
// Shutdown: stop taking jobs, let the running ones finish — a payout run stops after the transfer in
// flight and is retried — and give up after `shutdownMs`: graphile-worker then releases what is left.
import { run, type Runner } from "graphile-worker";
import pg from "pg";
import { quietLogger } from "@/lib/db/job-queue-schema";
import { poolTimeouts } from "@/lib/db/pool-config";
import { partnerMailDelaySeconds } from "@/lib/referrals/partner-digest";
import { startPartnerMailNudge } from "./partner-mail";
import { crontab, makeTasks } from "./tasks";

export type JobWorker = {
  /** Stops taking jobs and waits (at most `shutdownMs`) for the running ones. */
  stop(): Promise<void>;
  /** When this worker last fetched or finished a job, or started (for health checks in this process). */
  lastActivity(): Date;
};

export async function startJobWorker(options: {
  databaseUrl: string;
  concurrency?: number;
  /** How often to look for jobs when no notification came (ms). */
  pollIntervalMs?: number;
  shutdownMs?: number;
  /**
   * The embedded database (PGlite: one backend session behind every connection). Measured: with more
   * than two connections in the worker's pool jobs stall for seconds; with two (the listener and one
   * for fetching and completing) and one job at a time they run. NOTIFY does not arrive there, so jobs
   * are found by polling.
   */
  embedded?: boolean;
  /** Each time a job throws (`final`: it will not be retried), e.g. for a failures counter. */
  onJobError?: (task: string, final: boolean) => void;
}): Promise<JobWorker> {
  const mailDelaySeconds = partnerMailDelaySeconds(); // throws on a malformed setting: fail at start
  const concurrency = options.embedded ? 1 : (options.concurrency ?? 2);
  const shutdownMs = options.shutdownMs ?? 20_000;
  // Its own small pool: one connection listens for new jobs, the others fetch and complete them.
  // The same timeouts as every other pool (lib/db/pool-config.ts): a partition cannot hang the queue's
  // connect or its statements; the LISTEN connection is checked out, so the idle timeout never closes it.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.embedded ? 2 : concurrency + 2, ...poolTimeouts() });
  pool.on("error", (err) => console.error(`[jobs] pool: ${err.message}`));
  pool.on("connect", (client) => client.on("error", (err) => console.error(`[jobs] connection: ${err.message}`)));
  let stopping = false;
  let last = new Date();
  const runner: Runner = await run({
    pgPool: pool,
    concurrency,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 1_000,
    taskList: makeTasks(() => stopping),
    crontab,
    logger: quietLogger,
    gracefulShutdownAbortTimeout: shutdownMs,
    // Batched (delay 0) completions and failures: stop() then waits until the last job's outcome is
    // written — unbatched, a job that ended during shutdown could stay locked for hours.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  runner.events.on("job:start", () => { last = new Date(); });
  runner.events.on("job:complete", () => { last = new Date(); });
  runner.events.on("worker:getJob:empty", () => { last = new Date(); });
  runner.events.on("job:error", ({ job }) => options.onJobError?.(job.task_identifier, job.attempts >= job.max_attempts));
  const stopNudge = startPartnerMailNudge(runner.addJob, mailDelaySeconds);

  let stopped: Promise<void> | undefined;
  return {
    lastActivity: () => last,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        stopNudge();
        await Promise.race([runner.stop(), new Promise((r) => setTimeout(r, shutdownMs + 3_000).unref())]).catch((err: unknown) => {
          console.error(`[jobs] stop: ${err instanceof Error ? err.message : String(err)}`);
        });
        // end() waits for connections still checked out; in a partition their queries never return.
        await Promise.race([pool.end(), new Promise((r) => setTimeout(r, 1_000).unref())]).catch(() => {});
      })();
      return stopped;
    },
  };
}
