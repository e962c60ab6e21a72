// Prometheus metrics of the app server (prom-client), served at /metrics by scripts/server.ts.
// Labels are bounded: a route pattern (lib/ops/route-label.ts), a method, a status code.
// One registry per process; createMetrics() makes a fresh one for tests.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// The redirect answers from memory: sub-millisecond buckets matter there.
const REDIRECT_BUCKETS = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];
const FLUSH_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

export type ClickStats = () => { buffered: number; dropped: number; failures: number };

export function createMetrics(options: { defaults?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: "twoway_" });
  let clickStats: ClickStats = () => ({ buffered: 0, dropped: 0, failures: 0 });

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

  return {
    registry,
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
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
