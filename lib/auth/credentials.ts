import { z } from "zod";
import { findUserByEmail } from "./users";
import { verifyPassword } from "./password";
import { clearSignInFailures, isSignInBlocked, recordSignInFailure } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

// A valid hash of a random string: comparing against it when the e-mail is unknown keeps
// the response time the same, so timing does not reveal which e-mails have accounts.
const DUMMY_HASH = "$2b$10$nRTyv9l/8o3Fm6dgTS1JH.6qgwi7oCqNgnOalog/77zCpYcA70YW.";

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; code: "invalid_credentials" | "rate_limited" };

export async function checkCredentials(input: unknown, ip: string): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid_credentials" };
  const { email, password } = parsed.data;
  if (await isSignInBlocked(email, ip)) return { ok: false, code: "rate_limited" };

  const user = await findUserByEmail(email);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !valid) {
    await recordSignInFailure(email, ip);
    return { ok: false, code: "invalid_credentials" };
  }
  await clearSignInFailures(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
