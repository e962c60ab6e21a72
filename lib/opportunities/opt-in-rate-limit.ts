import { RateLimiterMemory } from "rate-limiter-flexible";

// The opt-in form writes to a tenant without any sign-in, so it is limited per IP. In memory, like
// the application form: one app instance is the supported deployment today.
export const OPT_INS_PER_HOUR = 10;
const perIp = new RateLimiterMemory({ keyPrefix: "board-opt-in-ip", points: OPT_INS_PER_HOUR, duration: 60 * 60 });

export async function allowOptIn(ip: string): Promise<boolean> {
  try {
    await perIp.consume(ip);
    return true;
  } catch {
    return false;
  }
}
