// Every request gets an id, echoed as X-Request-Id and carried by its log lines. An id the client
// sent is believed only behind trusted proxies (TRUST_PROXY, lib/http/client-ip.ts): there our
// proxy set it; otherwise anyone could forge ids to confuse a log search.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(req: IncomingMessage, hops: number): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  if (hops > 0 && typeof sent === "string" && SAFE_ID.test(sent)) return sent;
  return randomUUID();
}
