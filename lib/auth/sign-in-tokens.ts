// Be extremely careful: a row written here signs someone in without a password. It is only
// created right after a partner proved control of the mailbox by opening their invite link.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { identityDb } from "./contexts/user";

export const SIGN_IN_TOKEN_TTL_MS = 15 * 60 * 1000;

function authSecret(): string {
  // The same lookup next-auth does (lib/env.js): AUTH_SECRET, else NEXTAUTH_SECRET.
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

/** How @auth/core stores an e-mail token: sha256 hex of token + secret (lib/utils/web.js createHash). */
export function hashEmailToken(token: string, secret = authSecret()): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/**
 * Issues an Auth.js e-mail verification token for `email` and returns the raw token. Opening
 * /api/auth/callback/email?token=…&email=… then signs that user in, exactly like a magic link.
 */
export async function createEmailSignInToken(email: string, db: Pick<Prisma.TransactionClient, "verificationToken"> = identityDb()): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await db.verificationToken.create({
    data: { identifier: email, token: hashEmailToken(token), expires: new Date(Date.now() + SIGN_IN_TOKEN_TTL_MS) },
  });
  return token;
}
