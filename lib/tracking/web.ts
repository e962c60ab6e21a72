// The Web Request/Response adapter of the `/r/<code>` redirect, for the fallback Next route
// (app/r/[code]/route.ts). Same decision as the node:http adapter (core.ts); only I/O differs.
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { REQUEST_HEADERS, type RedirectCore, type RedirectInput, type RedirectOutcome } from "./core";

/**
 * The request as the core reads it. Next gives a route no socket: the address is the one our server
 * (scripts/server.ts) resolved and put in `x-twoway-client-ip` after dropping any copy the client
 * sent. Under plain `next start` that header is absent and every click shares "unknown", which
 * only weakens repeat collapse on this fallback path; forwarded headers are never believed here.
 */
export function webRedirectInput(request: Request, trustProxy: boolean): RedirectInput {
  const url = new URL(request.url);
  const h = request.headers;
  const headers: Record<string, string | undefined> = {};
  for (const name of REQUEST_HEADERS) headers[name] = h.get(name) ?? undefined;
  const ip = h.get(CLIENT_IP_HEADER) ?? "";
  const proto = trustProxy ? h.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() : undefined;
  return {
    method: request.method,
    url: url.pathname + url.search,
    headers,
    ip,
    https: proto ? proto === "https" : url.protocol === "https:",
  };
}

export function outcomeResponse(outcome: RedirectOutcome): Response {
  const headers = new Headers();
  const list = outcome.headers;
  for (let i = 0; i < list.length; i += 2) {
    // The framework sets Content-Length from the body it sends (none for HEAD).
    if (list[i] !== "Content-Length") headers.append(list[i], list[i + 1]);
  }
  return new Response(outcome.body ? new Uint8Array(outcome.body) : null, { status: outcome.status, headers });
}

export async function respondToWebRequest(core: RedirectCore, request: Request, trustProxy: boolean): Promise<Response> {
  let outcome: RedirectOutcome;
  try {
    outcome = await core.respond(webRedirectInput(request, trustProxy));
  } catch (err) {
    outcome = core.failure({ method: request.method, headers: {} }, err);
  }
  return outcomeResponse(outcome);
}
