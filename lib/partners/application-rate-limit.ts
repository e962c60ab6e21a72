import { RateLimiterMemory } from "rate-limiter-flexible";

// The public application form writes to a tenant without any sign-in, so it is limited per IP.
// In memory, like the sign-in limits: one app instance is the supported deployment today.
const perIp = new RateLimiterMemory({ keyPrefix: "partner-apply-ip", points: 10, duration: 60 * 60 });

export async function allowApplication(ip: string): Promise<boolean> {
  try {
    await perIp.consume(ip);
    return true;
  } catch {
    return false;
  }
}
