import { createHash, randomInt } from "node:crypto";

// An API key is `tw_live_` + 32 base62 characters (~190 bits). Only its SHA-256 is stored; the
// first 16 characters (`tw_live_` + 8) are kept in clear as the prefix that identifies it in lists.
export const KEY_PREFIX = "tw_live_";
export const KEY_RANDOM_LENGTH = 32;
export const PREFIX_LENGTH = 16;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${KEY_RANDOM_LENGTH}}$`);

/** sha256 hex of the whole key: what the database stores and what a presented key is looked up by. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new random key with its stored parts. `randomInt` is unbiased, so every character is uniform. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  let random = "";
  for (let i = 0; i < KEY_RANDOM_LENGTH; i++) random += BASE62[randomInt(BASE62.length)];
  const key = KEY_PREFIX + random;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function isWellFormedKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** The key from an `Authorization: Bearer <key>` header, or null when the header is missing or malformed. */
export function bearerKey(header: string | null | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? "");
  return match && isWellFormedKey(match[1]) ? match[1] : null;
}
