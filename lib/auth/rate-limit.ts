import { RateLimiterMemory } from "rate-limiter-flexible";

// Failed sign-ins per (e-mail, IP) and per IP. In memory: one app instance is the supported
// deployment today; swap for RateLimiterPostgres when running several instances.
const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60 });
const perIp = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 50, duration: 15 * 60 });

export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const [account, address] = await Promise.all([perAccount.get(`${email}|${ip}`), perIp.get(ip)]);
  return (account?.remainingPoints ?? 1) <= 0 || (address?.remainingPoints ?? 1) <= 0;
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([
    perAccount.penalty(`${email}|${ip}`, 1),
    perIp.penalty(ip, 1),
  ]);
}

export async function clearSignInFailures(email: string, ip: string): Promise<void> {
  await perAccount.delete(`${email}|${ip}`);
}

// Magic-link requests are limited too, so the form cannot be used to flood an inbox.
const magicLinks = new RateLimiterMemory({ keyPrefix: "magic-link", points: 5, duration: 60 * 60 });

export async function allowMagicLink(email: string): Promise<boolean> {
  try {
    await magicLinks.consume(email);
    return true;
  } catch {
    return false;
  }
}
