import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Events (not requests) a key may send per minute: a batch of 100 costs 100. */
export const EVENTS_PER_MINUTE = 1200;

// In memory: one app instance is the supported deployment today (as for sign-in limits);
// swap for RateLimiterPostgres when running several instances.
const perKey = new RateLimiterMemory({ keyPrefix: "api-events", points: EVENTS_PER_MINUTE, duration: 60 });

/** null when allowed; otherwise the seconds to wait before retrying. */
export async function consumeEvents(apiKeyId: string, events: number): Promise<number | null> {
  try {
    await perKey.consume(apiKeyId, Math.max(1, events));
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
