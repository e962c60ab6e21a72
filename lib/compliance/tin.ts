// Be extremely careful: this file handles US taxpayer identification numbers (SSN/EIN).
// A full TIN is never logged, never returned to a page and never stored in clear text: it is either
// encrypted with AES-256-GCM under TAX_ENCRYPTION_KEY, or — without a key — dropped, keeping only
// its last four digits (enough to show "•••• 1234" and to know a TIN was given).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/** TAX_ENCRYPTION_KEY: 32 bytes, written as 64 hex characters or as base64 (44 characters with padding). */
export function parseTaxKey(raw: string | undefined): Buffer | null {
  const value = raw?.trim();
  if (!value) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  // Buffer.from(…, "base64") ignores junk silently; a round trip proves the text really was base64.
  const isBase64 = /^[A-Za-z0-9+/]+={0,2}$/.test(value) && key.toString("base64").replace(/=+$/, "") === value.replace(/=+$/, "");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && !isBase64)) {
    // A misconfigured key must fail loudly: silently storing last-4 only would lose data the operator expects kept.
    throw new Error("TAX_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64 (e.g. `openssl rand -base64 32`)");
  }
  return key;
}

/** The nine digits of an SSN or EIN typed with or without dashes/spaces, or null when it is not one. */
export function normalizeTin(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}

export type StoredTin = { tinEncrypted: string | null; tinLast4: string };

/**
 * What to store for a TIN. `binding` (tenant and partner id) is authenticated with the ciphertext,
 * so an encrypted TIN copied onto another partner's row fails to decrypt.
 */
export function protectTin(tin: string, binding: string, rawKey = process.env.TAX_ENCRYPTION_KEY): StoredTin {
  const digits = normalizeTin(tin);
  if (!digits) throw new Error("not a TIN"); // callers validate first; the value is deliberately not in the message
  const key = parseTaxKey(rawKey);
  const tinLast4 = digits.slice(-4);
  if (!key) return { tinEncrypted: null, tinLast4 };
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(binding, "utf8"));
  const data = Buffer.concat([cipher.update(digits, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { tinEncrypted: [VERSION, iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join(":"), tinLast4 };
}

/** The full TIN, for a filing export only. Throws when the key is missing or wrong or the binding differs. */
export function revealTin(tinEncrypted: string, binding: string, rawKey = process.env.TAX_ENCRYPTION_KEY): string {
  const key = parseTaxKey(rawKey);
  if (!key) throw new Error("TAX_ENCRYPTION_KEY is not set");
  const [version, iv, tag, data] = tinEncrypted.split(":");
  if (version !== VERSION || !iv || !tag || !data) throw new Error("unknown TIN format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(binding, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** The binding string of a stored TIN. */
export const tinBinding = (tenantId: string, partnerId: string) => `${tenantId}:${partnerId}`;

/** The only way a TIN is ever shown. */
export const maskedTin = (last4: string | null | undefined) => (last4 ? `•••• ${last4}` : null);
