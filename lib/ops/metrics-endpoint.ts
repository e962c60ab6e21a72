// GET /metrics, answered by scripts/server.ts before Next (so neither [locale] nor proxy.ts sees it).
// Open to loopback clients (the same rule as the dev outbox: the address lib/http/client-ip.ts
// resolves, forwarded headers only behind TRUST_PROXY); to anyone else only with
// `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { clientIpFrom, isLoopback } from "@/lib/http/client-ip";

export function isMetricsRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && (req.url === "/metrics" || !!req.url?.startsWith("/metrics?"));
}

const digest = (s: string) => createHash("sha256").update(s).digest();

export function metricsAllowed(req: IncomingMessage, hops: number, token = process.env.METRICS_TOKEN): boolean {
  const ip = clientIpFrom({ forwardedFor: req.headers["x-forwarded-for"], socketAddress: req.socket.remoteAddress, hops });
  if (isLoopback(ip)) return true;
  if (!token) return false;
  const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ""));
  return !!m && timingSafeEqual(digest(m[1]), digest(token));
}

export async function answerMetrics(req: IncomingMessage, res: ServerResponse, registry: Registry, hops: number): Promise<void> {
  if (!metricsAllowed(req, hops)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not Found");
    return;
  }
  const body = await registry.metrics();
  res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}
