// Rate limits are shared by every app instance and survive a restart: in PostgreSQL (table
// "RateLimit", rate-limiter-flexible's Prisma store), or — when REDIS_URL is set — in Redis, with
// PostgreSQL as the insurance while Redis is unreachable (./rate-limit-redis.ts). Limiters are built
// on first use: `next build` imports modules without a database.
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { prisma } from "./client";
import { rateLimitRedis, redisRateLimiter, redisReady } from "./rate-limit-redis";

export type Limiter = {
  /** Spends `points`; false (with the wait in seconds) when the limit is reached. */
  consume(key: string, points?: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  /** Whether the key has no points left, without spending any. */
  isBlocked(key: string): Promise<boolean>;
  penalty(key: string, points?: number): Promise<void>;
  reset(key: string): Promise<void>;
};

function prismaLimiter(name: string, points: number, durationSeconds: number): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimit",
    keyPrefix: name,
    points,
    duration: durationSeconds,
    // Expired rows are removed by the limiter itself every hour.
    clearExpiredByTimeout: true,
  });
}

/** The Limiter interface over any rate-limiter-flexible limiter, built on first use. */
export function wrapLimiter(points: number, build: () => RateLimiterAbstract | Promise<RateLimiterAbstract>): Limiter {
  let limiter: Promise<RateLimiterAbstract> | undefined;
  const get = () => (limiter ??= Promise.resolve().then(build));
  // Keys are e-mails, addresses or ids; a long (hostile) one is hashed to fit the 255-char column.
  const k = (key: string) => (key.length > 180 ? createHash("sha256").update(key).digest("hex") : key);
  return {
    async consume(key, n = 1) {
      try {
        await (await get()).consume(k(key), n);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
    async isBlocked(key) {
      const res = await (await get()).get(k(key));
      return !!res && res.consumedPoints >= points;
    },
    async penalty(key, n = 1) {
      await (await get()).penalty(k(key), n);
    },
    async reset(key) {
      await (await get()).delete(k(key));
    },
  };
}

/** A limiter counting in PostgreSQL only. */
export function postgresLimiter(name: string, points: number, durationSeconds: number): Limiter {
  return wrapLimiter(points, () => prismaLimiter(name, points, durationSeconds));
}

/**
 * The app's limiter: Redis when REDIS_URL is set (PostgreSQL the insurance), else PostgreSQL. The
 * choice is made on first use, so tests and scripts may set the variable before.
 */
export function sharedLimiter(name: string, points: number, durationSeconds: number): Limiter {
  return wrapLimiter(points, async () => {
    const insurance = prismaLimiter(name, points, durationSeconds);
    const url = process.env.REDIS_URL?.trim();
    if (!url) return insurance;
    const redis = rateLimitRedis(url);
    // The first check waits for the connection (≤ 2 s), so it is not counted in PostgreSQL alone.
    await redisReady(redis, 2_000);
    return redisRateLimiter(redis, { name, points, durationSeconds, insurance });
  });
}
