import { randomBytes } from "node:crypto";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";

// Crockford's base32 in lower case: no i, l, o or u, so a code read aloud or retyped survives.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** 8 random characters (40 bits): a partner's share code, e.g. "k7m2x9qa". */
export function generateRefCode(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join("");
}

/**
 * The partner's share code, created on first use. Codes are unique per tenant; a collision (one in
 * a trillion per pair) just draws again. Two tabs racing to create one end with the same code.
 */
export async function ensureRefCode(ctx: PartnerContext): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await ctx.db.partner.findUnique({ where: { id: ctx.partnerId }, select: { refCode: true } });
    if (current?.refCode) return current.refCode;
    try {
      await ctx.db.partner.updateMany({ where: { id: ctx.partnerId, refCode: null }, data: { refCode: generateRefCode() } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("could not allocate a share code");
}
