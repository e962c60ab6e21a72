// GET/HEAD /healthz and /readyz, answered by scripts/server.ts before Next (like /r/<code>): no
// locale redirect (proxy.ts never sees them), no auth, no cache, JSON. /healthz says the process
// is up and touches nothing else; /readyz runs the registered readiness checks (readiness.ts) and
// answers 503 when one fails — and from SIGTERM on (readiness.ts, markStopping) — so a load balancer
// stops sending traffic to this instance.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isStopping, runReadinessChecks } from "./readiness";

const PATHS = new Set(["/healthz", "/readyz"]);

function pathOf(url: string | undefined): string {
  if (!url) return "";
  const end = url.indexOf("?");
  return end < 0 ? url : url.slice(0, end);
}

export function isHealthRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && PATHS.has(pathOf(req.url));
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const json = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(json.length),
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
  });
  res.end(req.method === "HEAD" ? undefined : json);
}

/** Answers a request for which isHealthRequest() is true. Never throws. */
export async function handleHealthRequest(req: IncomingMessage, res: ServerResponse, opts: { timeoutMs?: number } = {}): Promise<void> {
  if (pathOf(req.url) === "/healthz") return send(req, res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()) });
  if (isStopping()) return send(req, res, 503, { status: "stopping" });
  try {
    const report = await runReadinessChecks(opts.timeoutMs);
    send(req, res, report.ok ? 200 : 503, { status: report.ok ? "ready" : "not ready", checks: report.checks });
  } catch (err) {
    send(req, res, 503, { status: "not ready", error: err instanceof Error ? err.message : String(err) });
  }
}
