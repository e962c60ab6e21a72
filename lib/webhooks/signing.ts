// Be extremely careful: the signature is what lets a receiver trust a request came from Twoway.
// `Twoway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` — the scheme
// Stripe uses, so receivers' existing code and habits apply (docs/webhooks.md has the snippets).
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Twoway-Signature";
/** Receivers should refuse signatures older than this (replay window), in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A new signing secret: `whsec_` + 32 base62 characters (~190 bits). */
export function generateSecret(): string {
  let random = "";
  for (let i = 0; i < 32; i++) random += BASE62[randomInt(BASE62.length)];
  return `whsec_${random}`;
}

export function signatureV1(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureV1(secret, timestamp, body)}`;
}

/** What a receiver does (the documented snippet in TypeScript): true when a v1 signature matches and t is fresh. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signatureV1(secret, t, body), "hex");
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(expected, Buffer.from(v, "hex"));
  });
}
