// Prometheus metrics of the app server (prom-client), served at /metrics by scripts/server.ts.
// Labels are bounded: a route pattern (lib/ops/route-label.ts), a method, a status code.
// One registry per process; createMetrics() makes a fresh one for tests.
// Gauges read from the database (job queue, payouts) go through `cachedLoad`: one query per 15 s
// at most, however often or from however many scrapers, bounded by a timeout.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { log } from "./log";

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// The redirect answers from memory: sub-millisecond buckets matter there.
const REDIRECT_BUCKETS = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];
const FLUSH_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

export type ClickStats = () => { buffered: number; dropped: number; failures: number };
/** Jobs per task and state (lib/jobs/queue-stats.ts). */
export type JobQueueRow = { task: string; ready: number; scheduled: number; locked: number; failed: number };
/** Payouts per status over every tenant (lib/payouts/status-counts.ts). */
export type PayoutStatusRow = { status: string; count: number };

const JOB_STATES = ["ready", "scheduled", "locked", "failed"] as const;

/**
 * `load` at most once per `ttlMs`; concurrent callers share one query. A failure or a load slower
 * than `timeoutMs` answers the last good value (undefined before the first) and is logged once
 * until a load succeeds again.
 */
export function cachedLoad<T>(load: () => Promise<T>, options: { ttlMs?: number; timeoutMs?: number; what: string }): () => Promise<T | undefined> {
  const ttlMs = options.ttlMs ?? 15_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  let value: T | undefined;
  let loadedAt = -Infinity;
  let inFlight: Promise<T | undefined> | undefined;
  let failing = false;
  return () => {
    if (performance.now() - loadedAt < ttlMs) return Promise.resolve(value);
    inFlight ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        value = await Promise.race([
          load(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        failing = false;
      } catch (err) {
        if (!failing) log().warn({ err }, `metrics: ${options.what} unavailable; serving the last value`);
        failing = true;
      } finally {
        clearTimeout(timer);
        loadedAt = performance.now(); // a failure is not retried on every scrape either
        inFlight = undefined;
      }
      return value;
    })();
    return inFlight;
  };
}

export function createMetrics(options: { defaults?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: "twoway_" });
  let clickStats: ClickStats = () => ({ buffered: 0, dropped: 0, failures: 0 });
  let jobQueue: (() => Promise<JobQueueRow[] | undefined>) | undefined;
  let payouts: (() => Promise<PayoutStatusRow[] | undefined>) | undefined;

  const httpRequests = new Counter({
    name: "twoway_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "twoway_http_request_duration_seconds",
    help: "Time to answer an HTTP request (until the response is written), by route pattern; tracked-link redirects are in twoway_redirect_duration_seconds",
    labelNames: ["route"] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const redirectDuration = new Histogram({
    name: "twoway_redirect_duration_seconds",
    help: "Time to answer a tracked-link redirect (/r/:code), by status",
    labelNames: ["status"] as const,
    buckets: REDIRECT_BUCKETS,
    registers: [registry],
  });
  const clickFlush = new Histogram({
    name: "twoway_click_flush_duration_seconds",
    help: "Time to store one batch of buffered clicks, by result",
    labelNames: ["result"] as const,
    buckets: FLUSH_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "twoway_click_buffer_size",
    help: "Clicks buffered in memory, not yet stored",
    registers: [registry],
    collect() {
      this.set(clickStats().buffered);
    },
  });
  new Counter({
    name: "twoway_clicks_dropped_total",
    help: "Clicks dropped because the buffer was full (database unreachable for long)",
    registers: [registry],
    collect() {
      // The writer counts; the counter mirrors it on scrape (monotonic within a process).
      this.reset();
      this.inc(clickStats().dropped);
    },
  });
  new Counter({
    name: "twoway_click_flush_failures_total",
    help: "Click batches that failed to store and were kept for a retry",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(clickStats().failures);
    },
  });

  new Gauge({
    name: "twoway_job_queue_jobs",
    help: "Jobs in the queue by task and state: ready (runnable now), scheduled (later or in retry backoff), locked (running, or held by a dead worker), failed (out of attempts)",
    labelNames: ["task", "state"] as const,
    registers: [registry],
    async collect() {
      const rows = await jobQueue?.();
      if (!rows) return;
      this.reset();
      for (const row of rows) for (const state of JOB_STATES) this.set({ task: row.task, state }, row[state]);
    },
  });
  const jobFailures = new Counter({
    name: "twoway_job_failures_total",
    help: "Jobs that threw in this process's worker, by task; final=true when no attempt is left",
    labelNames: ["task", "final"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "twoway_payouts",
    help: "Payouts by status, over every tenant",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await payouts?.();
      if (!rows) return;
      this.reset();
      for (const row of rows) this.set({ status: row.status }, row.count);
    },
  });

  return {
    registry,
    jobFailures,
    httpRequests,
    httpDuration,
    redirectDuration,
    clickFlush,
    /**
     * `db` with every query timed into the click flush histogram: give it to the ClickWriter, whose
     * only statement is the batch insert (one query = one flush of a batch).
     */
    timedClickDb<Q extends { query: (...args: never[]) => Promise<unknown> }>(db: Q): Q {
      const query = db.query.bind(db) as (...args: unknown[]) => Promise<unknown>;
      const timed = async (...args: unknown[]) => {
        const end = clickFlush.startTimer();
        try {
          const result = await query(...args);
          end({ result: "ok" });
          return result;
        } catch (err) {
          end({ result: "error" });
          throw err;
        }
      };
      // Only `query` is used by the writer; the cast spares restating pg's overloads.
      return { query: timed } as unknown as Q;
    },
    /** Where the click gauges read from (the server's ClickWriter). */
    watchClicks(stats: ClickStats) {
      clickStats = stats;
    },
    /** Where the job-queue gauge reads from; cached (15 s) and bounded (2 s) unless overridden. */
    watchJobQueue(load: () => Promise<JobQueueRow[]>, options: { ttlMs?: number; timeoutMs?: number } = {}) {
      jobQueue = cachedLoad(load, { ...options, what: "job queue depth" });
    },
    /** Where the payouts gauge reads from; cached (15 s) and bounded (2 s) unless overridden. */
    watchPayouts(load: () => Promise<PayoutStatusRow[]>, options: { ttlMs?: number; timeoutMs?: number } = {}) {
      payouts = cachedLoad(load, { ...options, what: "payouts by status" });
    },
    /** For a worker's onJobError (lib/jobs/worker.ts). */
    countJobError(task: string, final: boolean) {
      jobFailures.inc({ task, final: String(final) });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
