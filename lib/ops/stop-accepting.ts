// The first step of the server's shutdown (scripts/server.ts): /readyz turns 503 "stopping" at once
// (readiness.ts), then — for SHUTDOWN_DRAIN_MS, default 0 — the server keeps answering so a load
// balancer that polls /readyz sees it and stops sending new requests; only then does it stop
// listening, give open requests up to `closeMs` and cut the connections left.
import type { Server } from "node:http";
import { markStopping } from "./readiness";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** SHUTDOWN_DRAIN_MS: whole milliseconds ≥ 0 (validated by lib/config/env.ts), default 0. */
export function shutdownDrainMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.SHUTDOWN_DRAIN_MS?.trim();
  return raw && /^\d+$/.test(raw) ? Number(raw) : 0;
}

export async function stopAccepting(server: Server, options: { drainMs: number; closeMs?: number }): Promise<void> {
  markStopping();
  if (options.drainMs > 0) await sleep(options.drainMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Open requests get a few seconds; then keep-alive sockets are cut.
  await Promise.race([closed, sleep(options.closeMs ?? 5_000)]);
  server.closeAllConnections();
}
