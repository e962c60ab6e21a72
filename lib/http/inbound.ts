// What scripts/server.ts does to every request before Next sees it: forwarded headers count only
// behind trusted proxies (TRUST_PROXY), the resolved client address travels in one internal
// header that a client can never set, and oversized bodies are refused before anyone reads them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, clientIpFrom } from "./client-ip";

/** Internal headers only the server sets; a client's copies are always dropped. */
export const FRAME_ORIGINS_HEADER = "x-twoway-frame-origins";
const INTERNAL = [CLIENT_IP_HEADER, FRAME_ORIGINS_HEADER, "x-nonce", "x-middleware-subrequest"];
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** The largest request body the app accepts (server-action uploads such as sanctions lists). */
export const MAX_REQUEST_BYTES = 21 * 1024 * 1024;

export function prepareInbound(req: IncomingMessage, hops: number): string {
  const ip = clientIpFrom({ forwardedFor: req.headers["x-forwarded-for"], socketAddress: req.socket.remoteAddress, hops });
  for (const name of INTERNAL) delete req.headers[name];
  if (hops <= 0) {
    // Next fills these in from the socket and the Host header; a client's copies would otherwise win.
    for (const name of FORWARDED) delete req.headers[name];
  } else {
    delete req.headers["x-real-ip"];
    delete req.headers.forwarded;
  }
  // Downstream code (Next, Auth.js) sees exactly one, already resolved, address.
  req.headers["x-forwarded-for"] = ip;
  req.headers[CLIENT_IP_HEADER] = ip;
  return ip;
}

/** Declared body size above the limit (or an unparsable length): answer 413 before reading it. */
export function bodyTooLarge(req: IncomingMessage, limit = MAX_REQUEST_BYTES): boolean {
  const raw = req.headers["content-length"];
  if (raw === undefined) return false;
  const n = Number(raw);
  return !Number.isFinite(n) || n > limit;
}

const TOO_LARGE = {
  en: "The request is too large (over 21 MB). Upload a smaller file or split it into parts.",
  ru: "Слишком большой запрос (больше 21 МБ). Загрузите файл поменьше или разделите его на части.",
};

export function answerTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const ru = /^\/ru(\/|$)/.test(req.url ?? "") || /^ru\b/i.test(String(req.headers["accept-language"] ?? ""));
  const body = ru ? TOO_LARGE.ru : TOO_LARGE.en;
  const json = String(req.headers.accept ?? "").includes("application/json") || (req.url ?? "").startsWith("/api/");
  res.writeHead(413, {
    "Content-Type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
  });
  res.end(json ? JSON.stringify({ error: { code: "payload_too_large", message: body } }) : body);
  // Discard what the client is still sending (so it can read the answer instead of a broken pipe),
  // but cut a connection that keeps sending for more than a few seconds.
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), 10_000);
  cut.unref();
  req.once("end", () => clearTimeout(cut));
}

/** The tenant slug of a public board or application page (frames may be allowed there), else null. */
export function boardSlug(url: string | undefined): string | null {
  const m = /^\/(?:en|ru)\/(?:o|apply|embed)\/([a-z0-9-]{1,64})(?:[/?#]|$)/.exec(url ?? "");
  return m ? m[1] : null;
}

/**
 * A POST to a page without the `Next-Action` header: a progressive-enhancement (no-JavaScript) form
 * submission. Next 16 re-renders such a post of a `useActionState` form whose action was bound in a
 * client component forever (vercel/next.js#98045) — one anonymous request would freeze the process.
 * The app needs JavaScript anyway, so the server answers these itself. API routes are not pages.
 */
export function isNoScriptFormPost(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const path = req.url ?? "/";
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return !req.headers["next-action"];
}

const NEEDS_JS = {
  en: "This form needs JavaScript. Turn JavaScript on in your browser and try again.",
  ru: "Для этой формы нужен JavaScript. Включите его в браузере и попробуйте ещё раз.",
};

export function answerNoScript(req: IncomingMessage, res: ServerResponse): void {
  const ru = /^\/ru(\/|$)/.test(req.url ?? "");
  const text = ru ? NEEDS_JS.ru : NEEDS_JS.en;
  const body = `<!doctype html><html lang="${ru ? "ru" : "en"}"><meta charset="utf-8"><title>Twoway</title><p>${text}</p><p><a href="/${ru ? "ru" : "en"}">Twoway</a></p></html>`;
  res.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
  req.resume();
}
