import type { JWT } from "next-auth/jwt";
import { sessionVersionOf } from "./users";

/**
 * The jwt callback: a token carries the user's session version from sign-in; at every later use it
 * must still match the database. Sign-out (everywhere), a password change or removal bumps the
 * version, so every older token — including a copied cookie — stops working. null = signed out.
 */
export async function checkSessionToken(token: JWT, signedInUserId?: string): Promise<JWT | null> {
  if (signedInUserId) {
    const version = await sessionVersionOf(signedInUserId);
    return version === null ? null : { ...token, sv: version };
  }
  if (!token.sub || typeof token.sv !== "number") return null;
  const current = await sessionVersionOf(token.sub);
  return current !== null && current === token.sv ? token : null;
}
