// Rate limits live in PostgreSQL (table "RateLimit", rate-limiter-flexible's Prisma store) so that
// every app instance counts against the same numbers and a restart forgets nothing. Limiters are
// built on first use: `next build` imports modules without a database.
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "./client";

export type Limiter = {
  /** Spends `points`; false (with the wait in seconds) when the limit is reached. */
  consume(key: string, points?: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  /** Whether the key has no points left, without spending any. */
  isBlocked(key: string): Promise<boolean>;
  penalty(key: string, points?: number): Promise<void>;
  reset(key: string): Promise<void>;
};

export function postgresLimiter(name: string, points: number, durationSeconds: number): Limiter {
  let limiter: RateLimiterPrisma | undefined;
  const get = () =>
    (limiter ??= new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimit",
      keyPrefix: name,
      points,
      duration: durationSeconds,
      // Expired rows are removed by the limiter itself every hour.
      clearExpiredByTimeout: true,
    }));
  // Keys are e-mails, addresses or ids; a long (hostile) one is hashed to fit the 255-char column.
  const k = (key: string) => (key.length > 180 ? createHash("sha256").update(key).digest("hex") : key);
  return {
    async consume(key, n = 1) {
      try {
        await get().consume(k(key), n);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
    async isBlocked(key) {
      const res = await get().get(k(key));
      return !!res && res.consumedPoints >= points;
    },
    async penalty(key, n = 1) {
      await get().penalty(k(key), n);
    },
    async reset(key) {
      await get().delete(k(key));
    },
  };
}
