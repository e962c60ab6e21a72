// Click ids and the visitor hash. The click id is public (cookie, `tw_click`) and must not be
// guessable; the visitor hash is only for dedupe and must not reveal the IP.
import { hash, randomFillSync } from "node:crypto";

// One 4 KiB refill serves 341 click ids: far fewer syscalls than randomBytes per request.
const POOL = Buffer.alloc(12 * 341);
let offset = POOL.length;

/** 96 random bits, base64url: 16 characters, URL- and cookie-safe. */
export function newClickId(): string {
  if (offset >= POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const id = POOL.toString("base64url", offset, offset + 12);
  offset += 12;
  return id;
}

export const CLICK_ID = /^[A-Za-z0-9_-]{16}$/;

/** sha256(secret | ip | ua), 32 hex chars: stable per visitor, useless without the secret. */
export function visitorHash(secret: string, ip: string, userAgent: string): string {
  // One-shot crypto.hash: about half the cost of createHash().update().digest() for short input.
  return hash("sha256", `${secret}|${ip}|${userAgent}`, "hex").slice(0, 32);
}
