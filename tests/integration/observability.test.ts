// Request ids, access lines and /metrics, through a real HTTP server wired the way scripts/server.ts
// wires it (observe → /metrics | redirect stand-in | app stand-in), and the click flush metric on
// the real database; the job-queue, job-failure and payout gauges against the test database's
// graphile-worker tables and payouts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { systemContext } from "@/lib/auth/contexts/system";
import { jobQueueDepth } from "@/lib/jobs/queue-stats";
import { startJobWorker } from "@/lib/jobs/worker";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { payoutCountsByStatus } from "@/lib/payouts/status-counts";
import { prisma } from "../helpers/db";
import { approved, payee, payoutWorld } from "./payouts-fixtures";
import { createLogger } from "@/lib/ops/log";
import { createMetrics, type Metrics } from "@/lib/ops/metrics";
import { answerMetrics, isMetricsRequest } from "@/lib/ops/metrics-endpoint";
import { createObserver } from "@/lib/ops/observe";
import { ClickWriter } from "@/lib/tracking/click-store";
import { newClickId } from "@/lib/tracking/visitor";

vi.mock("server-only", () => ({}));

type Started = { url: string; lines: Record<string, unknown>[]; metrics: Metrics; server: Server };
const servers: Server[] = [];

async function start(hops = 0, level = "info"): Promise<Started> {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void lines.push(JSON.parse(s)) } });
  const metrics = createMetrics();
  const observe = createObserver({ metrics, hops, logger: () => logger });
  const server = createServer((req: IncomingMessage, res: ServerResponse) =>
    observe(req, res, () => {
      if (isMetricsRequest(req)) return void answerMetrics(req, res, metrics.registry, hops);
      if (req.url?.startsWith("/r/")) return void res.writeHead(302, { Location: "https://example.com/" }).end();
      if (req.url === "/readyz") return void res.writeHead(503).end(); // a stopping instance
      // Stands in for Next: app code logs with the process logger's context.
      logger.warn("inside the app");
      res.writeHead(req.url?.startsWith("/boom") ? 500 : 200).end("ok");
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, metrics, server };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

describe("request ids and access lines", () => {
  it("assigns an id, echoes it, and writes one JSON access line with route pattern, status and duration", async () => {
    const s = await start();
    const res = await fetch(`${s.url}/en/invite/the-secret-token?email=a%40b.c`, { redirect: "manual" });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const access = s.lines.find((l) => l.msg === "request");
    expect(access).toMatchObject({ level: "info", requestId: id, method: "GET", route: "/:locale/invite/:id", status: 200 });
    expect(typeof access?.ms).toBe("number");
    expect(typeof access?.time).toBe("string");
    // App code's own lines carry the same id; no line carries the path's token or the query.
    expect(s.lines.find((l) => l.msg === "inside the app")?.requestId).toBe(id);
    expect(JSON.stringify(s.lines)).not.toMatch(/the-secret-token|a%40b|a@b/);
  });

  it("ignores a client's X-Request-Id without TRUST_PROXY and keeps it behind a trusted proxy", async () => {
    const direct = await start(0);
    const forged = "forged-id-0123456789";
    const res = await fetch(`${direct.url}/en`, { headers: { "x-request-id": forged } });
    expect(res.headers.get("x-request-id")).not.toBe(forged);
    expect(JSON.stringify(direct.lines)).not.toContain(forged);

    const proxied = await start(1);
    const viaProxy = await fetch(`${proxied.url}/en`, { headers: { "x-request-id": forged, "x-forwarded-for": "198.51.100.7" } });
    expect(viaProxy.headers.get("x-request-id")).toBe(forged);
    const junk = await fetch(`${proxied.url}/en`, { headers: { "x-request-id": "bad id\twith spaces", "x-forwarded-for": "198.51.100.7" } });
    expect(junk.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a redirect's access line at debug only (the hot path), a 500 at error", async () => {
    const info = await start();
    await fetch(`${info.url}/r/abc123`, { redirect: "manual" });
    expect(info.lines).toEqual([]);
    const debug = await start(0, "debug");
    await fetch(`${debug.url}/r/abc123`, { redirect: "manual" });
    expect(debug.lines).toMatchObject([{ level: "debug", msg: "request", route: "/r/:code", status: 302 }]);
  });

  it("logs a 500 at error level", async () => {
    const s = await start();
    await fetch(`${s.url}/boom`);
    expect(s.lines.find((l) => l.msg === "request")).toMatchObject({ level: "error", status: 500 });
  });

  it("logs a 503 from /readyz at warn: a not-ready or stopping instance is not an error", async () => {
    const s = await start();
    await fetch(`${s.url}/readyz`);
    expect(s.lines.find((l) => l.msg === "request")).toMatchObject({ level: "warn", route: "/readyz", status: 503 });
  });
});

describe("/metrics", () => {
  it("answers loopback with Prometheus text: requests by route pattern and status, durations, redirect latency, process metrics", async () => {
    const s = await start();
    await fetch(`${s.url}/r/abc123`, { redirect: "manual" });
    await fetch(`${s.url}/r/zzz999`, { redirect: "manual" });
    await fetch(`${s.url}/en/t/acme/payouts`);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    expect(body).toContain('twoway_http_requests_total{method="GET",route="/r/:code",status="302"} 2');
    expect(body).toContain('twoway_http_requests_total{method="GET",route="/:locale/t/:tenant/payouts",status="200"} 1');
    expect(body).toContain('twoway_redirect_duration_seconds_count{status="302"} 2');
    expect(body).toMatch(/twoway_http_request_duration_seconds_bucket\{le="0.005",route="\/:locale\/t\/:tenant\/payouts"\}/);
    expect(body).not.toContain('twoway_http_request_duration_seconds_count{route="/r/:code"}');
    expect(body).toContain("twoway_process_cpu_seconds_total");
    expect(body).toContain("twoway_click_buffer_size 0");
    expect(body).not.toContain("abc123");
  });

  it("refuses a remote client unless it brings METRICS_TOKEN as a Bearer token", async () => {
    // Behind one trusted proxy the client is the forwarded address: a remote one.
    const s = await start(1);
    const remote = { "x-forwarded-for": "203.0.113.9" };
    expect((await fetch(`${s.url}/metrics`, { headers: remote })).status).toBe(404);
    process.env.METRICS_TOKEN = "metrics-token-value";
    expect((await fetch(`${s.url}/metrics`, { headers: { ...remote, authorization: "Bearer wrong" } })).status).toBe(404);
    const ok = await fetch(`${s.url}/metrics`, { headers: { ...remote, authorization: "Bearer metrics-token-value" } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("twoway_http_requests_total");
    // A forwarded loopback address from the client itself is not believed past the trusted hop.
    delete process.env.METRICS_TOKEN;
    expect((await fetch(`${s.url}/metrics`, { headers: { "x-forwarded-for": "127.0.0.1, 203.0.113.9" } })).status).toBe(404);
  });
});

describe("click metrics", () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  afterAll(() => pool.end());

  it("times each flush, and mirrors the buffer size and dropped clicks", async () => {
    const metrics = createMetrics({ defaults: false });
    const writer = new ClickWriter({ db: metrics.timedClickDb(pool), maxBuffered: 1, intervalMs: 60_000, log: () => undefined });
    metrics.watchClicks(() => writer.getStats());
    const row = (id: string) => ({
      id, tenantId: "t", linkId: "no-such-link", partnerId: "p", programId: "g", opportunityId: null,
      sourceMarket: "US", targetMarket: "RU", occurredAt: Date.now(), country: null, referrerHost: null,
      device: "desktop", visitorHash: "v", isBot: false, repeatOfId: null,
    }) as Parameters<ClickWriter["add"]>[0];
    writer.add(row(newClickId()));
    writer.add(row(newClickId())); // the buffer holds one: dropped
    let text = await metrics.registry.metrics();
    expect(text).toContain("twoway_click_buffer_size 1");
    expect(text).toContain("twoway_clicks_dropped_total 1");
    await writer.close(); // the row names no link: the statement succeeds and stores nothing
    text = await metrics.registry.metrics();
    expect(text).toContain('twoway_click_flush_duration_seconds_count{result="ok"} 1');
    expect(text).toContain("twoway_click_buffer_size 0");
  });
});

describe("job and payout metrics", () => {
  const gauge = (text: string, name: string, labels: string) => {
    const m = new RegExp(`^${name}\\{${labels.replace(/[{}]/g, "")}\\} (\\d+)$`, "m").exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const addJob = (task: string, opts: { runAt?: Date; maxAttempts?: number } = {}) =>
    prisma.$queryRaw<{ id: string }[]>`SELECT (graphile_worker.add_job(${task}::text, '{}'::json,
      run_at := ${opts.runAt ?? new Date()}::timestamptz, max_attempts := ${opts.maxAttempts ?? 25}::int)).id::text AS id`;

  it("shows the queue's depth by task and state, read at most once per TTL", async () => {
    const task = `metrics:probe-${newClickId().slice(0, 6)}`; // no worker knows it: the jobs stay put
    await addJob(task);
    await addJob(task);
    await addJob(task, { runAt: new Date(Date.now() + 3_600_000) });
    const [dead] = await addJob(task, { maxAttempts: 1 });
    await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'boom' WHERE id = ${dead.id}::bigint`;
    const [held] = await addJob(task);
    await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker' WHERE id = ${held.id}::bigint`;

    const metrics = createMetrics({ defaults: false });
    let loads = 0;
    metrics.watchJobQueue(() => {
      loads++;
      return jobQueueDepth(systemContext("jobs"));
    });
    const text = await metrics.registry.metrics();
    const at = (state: string) => gauge(text, "twoway_job_queue_jobs", `task="${task}",state="${state}"`);
    expect({ ready: at("ready"), scheduled: at("scheduled"), locked: at("locked"), failed: at("failed") }).toEqual({ ready: 2, scheduled: 1, locked: 1, failed: 1 });
    // Within the 15 s cache a new job is not seen and the database is not asked again.
    await addJob(task);
    const again = await metrics.registry.metrics();
    expect(gauge(again, "twoway_job_queue_jobs", `task="${task}",state="ready"`)).toBe(2);
    expect(loads).toBe(1);
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = ${task})`;
  });

  it("serves the last value when the query hangs, within its timeout", async () => {
    const metrics = createMetrics({ defaults: false });
    let hang = false;
    metrics.watchJobQueue(
      () => (hang ? new Promise(() => {}) : Promise.resolve([{ task: "t", ready: 3, scheduled: 0, locked: 0, failed: 0 }])),
      { ttlMs: 0, timeoutMs: 200 },
    );
    expect(await metrics.registry.metrics()).toContain('twoway_job_queue_jobs{task="t",state="ready"} 3');
    hang = true;
    const started = performance.now();
    const text = await metrics.registry.metrics();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text).toContain('twoway_job_queue_jobs{task="t",state="ready"} 3');
  });

  it("counts payouts by status over every tenant, as the database has them", async () => {
    const w = await payoutWorld("Metrics Payouts");
    for (let i = 0; i < 3; i++) await approved(w, await payee(w), [[BigInt(5_000 + i), "USD"]]);
    const metrics = createMetrics({ defaults: false });
    metrics.watchPayouts(() => payoutCountsByStatus(systemContext("metrics")), { ttlMs: 0 });
    const before = gauge(await metrics.registry.metrics(), "twoway_payouts", 'status="ready"') ?? 0;
    await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    const text = await metrics.registry.metrics();
    const db = await prisma.payout.groupBy({ by: ["status"], _count: true });
    for (const row of db) expect(gauge(text, "twoway_payouts", `status="${row.status}"`)).toBe(row._count);
    expect(gauge(text, "twoway_payouts", 'status="ready"')).toBe(before + 3);
  });

  it("counts a worker's failed jobs by task, final when no attempt is left", async () => {
    const metrics = createMetrics({ defaults: false });
    const worker = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200, onJobError: (task, final) => metrics.countJobError(task, final) });
    try {
      // A payload the task rejects (no tenantId), one attempt only.
      await prisma.$queryRaw`SELECT graphile_worker.add_job('payouts:execute-run', '{"runId":"x"}'::json, max_attempts := 1)`;
      const until = Date.now() + 10_000;
      let text = "";
      while (Date.now() < until) {
        text = await metrics.registry.metrics();
        if (text.includes('twoway_job_failures_total{task="payouts:execute-run",final="true"} 1')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(text).toContain('twoway_job_failures_total{task="payouts:execute-run",final="true"} 1');
    } finally {
      await worker.stop();
    }
  }, 20_000);
});
