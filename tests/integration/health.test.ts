// /healthz and /readyz over real HTTP against the test database: JSON, no cache, 200 when the
// database answers, every migration is applied and the click buffer has room; 503 naming the failed
// check otherwise — within the check timeout when the database hangs. Also: every pool gets the
// configured timeouts (a real PostgreSQL enforces statement_timeout).
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTrackingPool } from "@/lib/db/tracking-pool";
import { clickBufferCheck, databaseCheck, migrationsCheck, registerServerReadinessChecks } from "@/lib/ops/checks";
import { handleHealthRequest, isHealthRequest } from "@/lib/ops/health";
import { readinessCheckNames, registerReadinessCheck } from "@/lib/ops/readiness";

let pool: pg.Pool;
let server: Server;
let base: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  server = createHttpServer((req, res) => {
    if (isHealthRequest(req)) return void handleHealthRequest(req, res, { timeoutMs: 500 });
    res.writeHead(404).end("not health");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await pool.end();
});

const register = (name: string, check: Parameters<typeof registerReadinessCheck>[1]) => cleanups.push(registerReadinessCheck(name, check));

describe("/healthz", () => {
  it("answers 200 JSON, not cached, without touching the database", async () => {
    register("database", () => Promise.reject(new Error("down"))); // /healthz must not care
    const res = await fetch(`${base}/healthz`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("is a GET/HEAD of exactly /healthz or /readyz (query allowed), nothing else", async () => {
    expect((await fetch(`${base}/healthz?probe=1`)).status).toBe(200);
    const head = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await fetch(`${base}/healthz/x`)).status).toBe(404);
    expect((await fetch(`${base}/en/healthz`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(404);
  });
});

describe("/readyz", () => {
  it("is ready when the database answers, every migration is applied and the click buffer has room", async () => {
    const clicks = { pending: 12, capacity: 200_000 };
    cleanups.push(registerServerReadinessChecks(pool, clicks));
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.status).toBe("ready");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations).toMatchObject({ ok: true });
    expect(body.checks.migrations.detail.applied).toBeGreaterThan(10);
    expect(body.checks.clickBuffer).toMatchObject({ ok: true, detail: { pending: 12, capacity: 200_000 } });
  });

  it("answers 503 when the click buffer is at its cap", async () => {
    register("clickBuffer", clickBufferCheck({ pending: 500, capacity: 500 }));
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect((await res.json()).checks.clickBuffer).toMatchObject({ ok: false, detail: { pending: 500, capacity: 500 } });
  });

  it("answers 503 naming the migrations the database lacks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "twoway-migrations-"));
    mkdirSync(join(dir, "29991231000000_from_the_future"));
    writeFileSync(join(dir, "29991231000000_from_the_future", "migration.sql"), "SELECT 1;");
    register("migrations", migrationsCheck(pool, dir));
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect((await res.json()).checks.migrations).toMatchObject({ ok: false, detail: { missing: ["29991231000000_from_the_future"] } });
  });

  it("answers 503 within the check timeout when the database refuses or does not answer", async () => {
    const refused = createTrackingPool("postgresql://twoway@127.0.0.1:1/twoway", 1);
    refused.on("error", () => {});
    const sockets: Socket[] = [];
    const silent = createTcpServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const hanging = createTrackingPool(`postgresql://twoway@127.0.0.1:${(silent.address() as AddressInfo).port}/twoway`, 1);
    hanging.on("error", () => {});
    try {
      register("database", databaseCheck(refused));
      register("replica", databaseCheck(hanging));
      const started = Date.now();
      const res = await fetch(`${base}/readyz`);
      const ms = Date.now() - started;
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.checks.database.ok).toBe(false);
      expect(body.checks.database.error).toContain("ECONNREFUSED");
      expect(body.checks.replica).toMatchObject({ ok: false, error: "timed out after 500 ms" });
      expect(ms).toBeLessThan(1_500);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
      await Promise.allSettled([refused.end(), hanging.end()]);
    }
  });

  it("takes checks other parts of the process register (e.g. a job worker's heartbeat)", async () => {
    let heartbeatAge = 2_000;
    register("worker", () => ({ ok: heartbeatAge < 30_000, detail: { heartbeatAgeMs: heartbeatAge } }));
    expect(readinessCheckNames()).toContain("worker");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    heartbeatAge = 45_000;
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect((await res.json()).checks.worker).toMatchObject({ ok: false, detail: { heartbeatAgeMs: 45_000 } });
  });
});

describe("pool timeouts", () => {
  it("every tracking pool carries the configured statement and idle-in-transaction timeouts", async () => {
    const saved = { ...process.env };
    process.env.DATABASE_STATEMENT_TIMEOUT_MS = "300";
    process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = "4000";
    const timed = createTrackingPool(process.env.DATABASE_URL!, 1);
    process.env = saved;
    try {
      const { rows } = await timed.query("SELECT current_setting('statement_timeout') AS st, current_setting('idle_in_transaction_session_timeout') AS iit");
      expect(rows[0]).toEqual({ st: "300ms", iit: "4s" });
      await expect(timed.query("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
    } finally {
      await timed.end();
    }
  });
});
