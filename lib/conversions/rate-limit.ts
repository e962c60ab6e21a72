import { sharedLimiter } from "@/lib/db/rate-limit-store";

/** Events (not requests) a key may send per minute: a batch of 100 costs 100. */
export const EVENTS_PER_MINUTE = 1200;

// Stored in PostgreSQL (Redis when REDIS_URL is set), so several app instances share one budget per key.
const perKey = sharedLimiter("api-events", EVENTS_PER_MINUTE, 60);

/** null when allowed; otherwise the seconds to wait before retrying. */
export async function consumeEvents(apiKeyId: string, events: number): Promise<number | null> {
  const result = await perKey.consume(apiKeyId, Math.max(1, events));
  return result.ok ? null : result.retryAfterSeconds;
}
