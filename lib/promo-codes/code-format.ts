import { randomInt } from "node:crypto";

// Promo codes are typed by customers at checkout and read aloud, so they are case-insensitive:
// stored and compared in capitals. Letters, digits, - and _; 3–32 characters, starting with a letter
// or digit (stored normalized, so the unique index on (tenantId, code) is case-insensitive).
export const PROMO_CODE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

/** "  spring-25 " → "SPRING-25": how a code is stored and looked up. */
export function normalizePromoCode(value: string): string {
  return value.trim().toUpperCase();
}

export function isPromoCode(value: string): boolean {
  return PROMO_CODE.test(normalizePromoCode(value));
}

// No 0/O, 1/I/L: a code read from a podcast or a screenshot is typed right. 31^8 ≈ 8.5e11 codes.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const GENERATED_LENGTH = 8;

/** A fresh random code (crypto-random, uniform over the alphabet), e.g. "K7M2X9QA". */
export function generatePromoCode(): string {
  let code = "";
  for (let i = 0; i < GENERATED_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
