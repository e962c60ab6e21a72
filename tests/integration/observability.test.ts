// Request ids, access lines and /metrics, through a real HTTP server wired the way scripts/server.ts
// wires it (observe → /metrics | redirect stand-in | app stand-in), and the click flush metric on
// the real database.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/ops/log";
import { createMetrics, type Metrics } from "@/lib/ops/metrics";
import { answerMetrics, isMetricsRequest } from "@/lib/ops/metrics-endpoint";
import { createObserver } from "@/lib/ops/observe";
import { ClickWriter } from "@/lib/tracking/click-store";
import { newClickId } from "@/lib/tracking/visitor";

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
