// One webhook request: resolve and check the URL (./ssrf.ts), then POST to the address that was
// checked — the connection's `lookup` answers with it, so DNS is not asked again — with the URL's
// host name in the Host header and TLS SNI. Timeouts on connect and on the whole response; redirects
// are not followed (a 3xx is a failed attempt); only the first RESPONSE_BODY_LIMIT bytes are kept.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { CONNECT_TIMEOUT_MS, RESPONSE_BODY_LIMIT, RESPONSE_TIMEOUT_MS, webhookNetworkPolicy } from "./config";
import { checkWebhookUrl, WebhookUrlError, type Resolver } from "./ssrf";

export type SendResult = {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
};

export type SendOptions = {
  resolve?: Resolver;
  allowLoopback?: boolean;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
};

export async function sendWebhook(urlText: string, headers: Record<string, string>, body: string, options: SendOptions = {}): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await checkWebhookUrl(urlText, { allowLoopback: options.allowLoopback ?? webhookNetworkPolicy().allowLoopback }, options.resolve);
  } catch (error) {
    const message = error instanceof WebhookUrlError ? error.message : "webhook URL refused";
    return { ok: false, status: null, body: null, error: message, durationMs: elapsed() };
  }
  const { url, address, family } = target;
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(responseTimer);
      clearTimeout(connectTimer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
    });
    const connectTimer = setTimeout(() => request.destroy(new Error("connect timeout")), options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
    const responseTimer = setTimeout(() => request.destroy(new Error("response timeout")), options.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS);
    request.on("socket", (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    request.on("error", (err) => finish({ ok: false, status: null, body: null, error: err.message }));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        if (kept < RESPONSE_BODY_LIMIT) {
          chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - kept));
          kept += Math.min(chunk.length, RESPONSE_BODY_LIMIT - kept);
        }
      });
      response.on("error", (err) => finish({ ok: false, status: response.statusCode ?? null, body: null, error: err.message }));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        finish({ ok: status >= 200 && status < 300, status, body: Buffer.concat(chunks).toString("utf8"), error: null });
      });
    });
    request.end(body);
  });
}
