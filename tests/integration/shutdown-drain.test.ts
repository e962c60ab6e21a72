// A stopping server tells its load balancer before it goes: from SIGTERM on, /readyz answers 503
// "stopping" (without running the checks) while the server keeps answering for SHUTDOWN_DRAIN_MS,
// then it stops listening and lets open requests finish. A real HTTP server wired as
// scripts/server.ts wires it (health endpoints in front, stopAccepting in its shutdown).
// Its own file: the stopping state is process-wide and never goes back.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEnv } from "@/lib/config/env";
import { handleHealthRequest, isHealthRequest } from "@/lib/ops/health";
import { isStopping, registerReadinessCheck } from "@/lib/ops/readiness";
import { shutdownDrainMs, stopAccepting } from "@/lib/ops/stop-accepting";

let server: Server;
let base: string;

beforeAll(async () => {
  registerReadinessCheck("database", () => ({ ok: true }));
  server = createServer((req, res) => {
    if (isHealthRequest(req)) return void handleHealthRequest(req, res);
    // A slow page: a request in flight when the stop begins.
    setTimeout(() => res.writeHead(200).end("slow page"), 900);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("SHUTDOWN_DRAIN_MS", () => {
  it("is whole milliseconds, default 0; anything else stops the start", () => {
    expect(shutdownDrainMs({})).toBe(0);
    expect(shutdownDrainMs({ SHUTDOWN_DRAIN_MS: "15000" })).toBe(15_000);
    expect(() => validateEnv({ SHUTDOWN_DRAIN_MS: "15s" }, { production: false })).toThrow(/SHUTDOWN_DRAIN_MS/);
    expect(() => validateEnv({ SHUTDOWN_DRAIN_MS: "0" }, { production: false })).not.toThrow();
  });
});

describe("a server that is stopping", () => {
  it("answers /readyz 503 during the drain, keeps serving, finishes the request in flight, then stops listening", async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const inFlight = fetch(`${base}/en/slow`);
    await new Promise((r) => setTimeout(r, 50));

    const stopped = stopAccepting(server, { drainMs: 700, closeMs: 3_000 });
    expect(isStopping()).toBe(true);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "stopping" });
    expect(ready.headers.get("cache-control")).toBe("no-store");
    // Still up (liveness) and still serving during the drain: only readiness changed.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await stopped;
    const page = await inFlight;
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("slow page");
    await expect(fetch(`${base}/readyz`)).rejects.toThrow(); // no longer listening
  });
});
