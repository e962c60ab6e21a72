import { randomInt } from "node:crypto";

// No 0/o, 1/i/l: a code read aloud or copied from a screenshot is typed right. 31^8 ≈ 8.5e11 codes.
export const LINK_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const LINK_CODE_LENGTH = 8;
const LINK_CODE = new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`);

/** A fresh random link code (crypto-random, uniform over the alphabet). */
export function generateLinkCode(): string {
  let code = "";
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return code;
}

export function isLinkCode(value: string): boolean {
  return LINK_CODE.test(value);
}

/** The public address of a tracked link. */
export function trackedLinkUrl(appUrl: string, code: string): string {
  return `${appUrl.replace(/\/+$/, "")}/r/${code}`;
}
