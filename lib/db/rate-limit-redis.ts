// Rate limits in Redis when REDIS_URL is set (rate-limiter-flexible's RateLimiterRedis on ioredis):
// every instance counts against the same keys, one round trip per check. PostgreSQL stays the
// insurance: while Redis is unreachable (not connected, or a command fails) each call goes to the
// same limiter on the "RateLimit" table, so limits hold — counted apart from Redis — instead of
// failing open or answering 500. One client per process (per module copy: Next bundles its own).
import { Redis } from "ioredis";
import { RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

let client: Redis | undefined;

/** The process's Redis client for REDIS_URL, made on first use. */
export function rateLimitRedis(url: string): Redis {
  client ??= createRateLimitRedis(url);
  return client;
}

/** A client as the limiters want it: no offline queue (a down Redis fails fast to the insurance). */
export function createRateLimitRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    // Reconnects with backoff up to 5 s, forever: limits fall back to PostgreSQL meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    console.error(`[twoway] rate limits: Redis unavailable (${err.message}); counting in PostgreSQL until it is back`);
  });
  redis.on("ready", () => {
    down = false;
  });
  return redis;
}

/** Resolves once `redis` is connected, or after `timeoutMs` (then calls go to the insurance). */
export function redisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
  });
}

export function redisRateLimiter(redis: Redis, opts: { name: string; points: number; durationSeconds: number; insurance: RateLimiterAbstract }) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `twoway:rl:${opts.name}`,
    points: opts.points,
    duration: opts.durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: opts.insurance,
  });
}
