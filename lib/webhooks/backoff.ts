// Retries of one delivery: exponential backoff with jitter (docs/webhooks.md, "Retries").
// Attempt n (1-based) failed → the next one after BASE·2^(n-1), capped, times a random factor in
// [0.8, 1.2) so endpoints that failed together do not retry in lock-step. After MAX_ATTEMPTS the
// delivery is given up ("failed") and the endpoint's next delivery goes.

export const MAX_ATTEMPTS = 10;
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 4 * 60 * 60_000;
const JITTER = 0.2;

/** Milliseconds to wait after failed attempt `attempt` (1-based); `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  const nominal = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 - JITTER + 2 * JITTER * random));
}

/** Whether the delivery gets another attempt after `attempts` failed ones. */
export function retriesLeft(attempts: number): boolean {
  return attempts < MAX_ATTEMPTS;
}

/** Consecutive failed attempts of an endpoint that alert staff, and the count that turns it off. */
export const ALERT_AT = [5, 10, 15] as const;
export const DISABLE_AT = 20;
