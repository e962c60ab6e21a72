// Payment references: what the payee's bank shows in the purpose line and what the statement import
// matches on. Banks keep [A-Z0-9-] intact (no Cyrillic look-alikes, no lower case to be upper-cased),
// and 20 characters fit every purpose-line format we know of.
import { randomBytes } from "node:crypto";

// Crockford-style alphabet without I, L, O, U: nothing a person can misread when typing it back.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_PATTERN = /TW-[A-Z0-9-]+/;
export const MAX_REFERENCE_LENGTH = 20;

function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** "TW-<run number>-<random>", at most 20 characters, e.g. "TW-12-7K3QX9MB". */
export function paymentReference(runNumber: number): string {
  const head = `TW-${runNumber}-`;
  return head + randomCode(Math.min(8, MAX_REFERENCE_LENGTH - head.length));
}

/** The first reference in a statement's purpose text ("… ref TW-12-7K3QX9MB, НДС …" → "TW-12-7K3QX9MB"). */
export function findReference(text: string): string | null {
  const match = REFERENCE_PATTERN.exec(text.toUpperCase());
  return match ? match[0].replace(/-+$/, "") : null;
}

/** An id in the shape of Prisma's cuid() default, made here so the idempotency key can embed it at insert. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(10).toString("hex")}`.slice(0, 25);
}
