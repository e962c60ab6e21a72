import { sharedLimiter } from "@/lib/db/rate-limit-store";

// Failed sign-ins: one counter per account, whatever the path (sign-in page or Auth.js's own
// credentials callback) and whatever address the attempts come from, plus one per client address.
// Stored in PostgreSQL (Redis when REDIS_URL is set), so they hold across app instances and restarts.
export const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
const perAccount = sharedLimiter("signin-account", SIGN_IN_FAILURES_PER_ACCOUNT, 15 * 60);
const perIp = sharedLimiter("signin-ip", 50, 15 * 60);

export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const [account, address] = await Promise.all([perAccount.isBlocked(email), perIp.isBlocked(ip)]);
  return account || address;
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([perAccount.penalty(email, 1), perIp.penalty(ip, 1)]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await perAccount.reset(email);
}

// Magic-link requests are limited per address and per client, so the form cannot flood an inbox.
// MAGIC_LINKS_PER_EMAIL_HOUR / MAGIC_LINKS_PER_IP_HOUR (validated at boot, lib/config/env.ts) raise them
// where one address serves many people (an office behind one NAT; the e2e suite on 127.0.0.1).
const hourly = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const magicLinks = sharedLimiter("magic-link", hourly("MAGIC_LINKS_PER_EMAIL_HOUR", 5), 60 * 60);
const magicLinksPerIp = sharedLimiter("magic-link-ip", hourly("MAGIC_LINKS_PER_IP_HOUR", 30), 60 * 60);

export async function allowMagicLink(email: string, ip: string): Promise<boolean> {
  const [account, address] = await Promise.all([magicLinks.consume(email), magicLinksPerIp.consume(ip)]);
  return account.ok && address.ok;
}

// Sign-up answers the same for every e-mail; it is limited per client so it cannot be used to
// probe addresses or create agencies in bulk.
const signUps = sharedLimiter("signup-ip", 10, 60 * 60);

export async function allowSignUp(ip: string): Promise<boolean> {
  return (await signUps.consume(ip)).ok;
}
