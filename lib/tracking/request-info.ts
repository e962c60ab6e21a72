// What the redirect records about a request, read from headers that may be forged: every value
// is validated and bounded before it is stored.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { clientIpFrom, trustedProxyHops } from "@/lib/http/client-ip";

/** Request headers by lower-case name: node:http's `req.headers`, or a plain object built from Web Headers. */
export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "x-country-code"] as const;
const COUNTRY = /^[A-Z]{2}$/;

/** ISO 3166 alpha-2 from the first proxy header that carries one; XX (unknown) and T1 (Tor) are not countries. */
export function countryFrom(headers: HeaderBag): string | null {
  for (const name of COUNTRY_HEADERS) {
    const raw = headers[name];
    if (typeof raw !== "string") continue;
    const value = raw.trim().toUpperCase();
    if (COUNTRY.test(value) && value !== "XX" && value !== "T1") return value;
  }
  return null;
}

/** Only the host of the referring page (lowercase, ≤ 255 chars): paths can carry personal data. */
export function referrerHostFrom(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const host = url.hostname.toLowerCase();
    return host && host.length <= 255 ? host : null;
  } catch {
    return null;
  }
}

/** The socket's address, or — behind TRUST_PROXY hops — the right-most X-Forwarded-For entry they vouch for. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const hops = trustProxy ? Math.max(1, trustedProxyHops()) : 0;
  return clientIpFrom({ forwardedFor: req.headers["x-forwarded-for"], socketAddress: req.socket.remoteAddress, hops });
}

export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy) return false;
  const proto = req.headers["x-forwarded-proto"];
  return typeof proto === "string" && proto.split(",")[0].trim().toLowerCase() === "https";
}

/** Whether the Cookie header already carries `name` with a non-empty value. */
export function hasCookie(cookieHeader: string | undefined, name: string): boolean {
  if (!cookieHeader) return false;
  return cookieValue(cookieHeader, name) !== null;
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value || null;
  }
  return null;
}
