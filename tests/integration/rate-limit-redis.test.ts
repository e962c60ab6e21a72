// Rate limits in Redis (REDIS_URL) against the real local Redis (127.0.0.1:6379): two limiters on
// two connections — as two app processes — spend one budget; the app's limiter picks Redis when
// REDIS_URL is set and PostgreSQL otherwise; with Redis unreachable the limits still hold, counted
// in PostgreSQL (the insurance), instead of failing open or throwing.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRateLimitRedis, redisRateLimiter, redisReady } from "@/lib/db/rate-limit-redis";
import { postgresLimiter, sharedLimiter, wrapLimiter } from "@/lib/db/rate-limit-store";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { prisma } from "../helpers/db";

const URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const clients: Redis[] = [];
afterAll(async () => {
  delete process.env.REDIS_URL;
  clients.forEach((c) => c.disconnect());
});

async function connection(url = URL): Promise<Redis> {
  const redis = createRateLimitRedis(url);
  clients.push(redis);
  await redisReady(redis, 2_000);
  return redis;
}

/** A limiter as `sharedLimiter` builds it with REDIS_URL set, on its own connection (its own "process"). */
async function redisLimiter(name: string, points: number, url = URL) {
  const redis = await connection(url);
  const insurance = new RateLimiterPrisma({ storeClient: prisma, tableName: "rateLimit", keyPrefix: name, points, duration: 60 });
  return { redis, limiter: wrapLimiter(points, () => redisRateLimiter(redis, { name, points, durationSeconds: 60, insurance })) };
}

const rowsFor = (name: string) => prisma.rateLimit.count({ where: { key: { startsWith: `${name}:` } } });

describe("rate limits in Redis", () => {
  it("are shared between two connections (two app processes) and stored in Redis, not PostgreSQL", async () => {
    const name = `redis-${randomBytes(3).toString("hex")}`;
    const a = await redisLimiter(name, 3);
    const b = await redisLimiter(name, 3);
    expect(a.redis.status).toBe("ready");
    expect((await a.limiter.consume("k")).ok).toBe(true);
    expect((await b.limiter.consume("k")).ok).toBe(true);
    expect((await a.limiter.consume("k")).ok).toBe(true);
    const refused = await b.limiter.consume("k");
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(await a.limiter.isBlocked("k")).toBe(true);
    expect(await a.redis.get(`twoway:rl:${name}:k`)).toBe("4");
    expect(await rowsFor(name)).toBe(0);
    await a.limiter.reset("k");
    expect(await b.limiter.isBlocked("k")).toBe(false);
    await b.limiter.penalty("k", 3);
    expect(await a.limiter.isBlocked("k")).toBe(true);
  });

  it("the app's limiter uses Redis when REDIS_URL is set, PostgreSQL when it is not", async () => {
    const name = `pick-${randomBytes(3).toString("hex")}`;
    process.env.REDIS_URL = URL;
    const viaRedis = sharedLimiter(name, 2, 60);
    expect((await viaRedis.consume("k")).ok).toBe(true);
    const redis = await connection();
    expect(await redis.get(`twoway:rl:${name}:k`)).toBe("1");
    expect(await rowsFor(name)).toBe(0);

    delete process.env.REDIS_URL;
    const other = `pick-pg-${randomBytes(3).toString("hex")}`;
    const viaPostgres = sharedLimiter(other, 2, 60);
    expect((await viaPostgres.consume("k")).ok).toBe(true);
    expect(await rowsFor(other)).toBe(1);
    expect(await redis.exists(`twoway:rl:${other}:k`)).toBe(0);
  });

  it("with Redis unreachable, still limit — counted in PostgreSQL — without throwing", async () => {
    const name = `down-${randomBytes(3).toString("hex")}`;
    const started = Date.now();
    const down = await redisLimiter(name, 2, "redis://127.0.0.1:1"); // nothing listens there
    expect(down.redis.status).not.toBe("ready");
    expect((await down.limiter.consume("k")).ok).toBe(true);
    expect((await down.limiter.consume("k")).ok).toBe(true);
    expect((await down.limiter.consume("k")).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await rowsFor(name)).toBe(1);
    // …and a PostgreSQL limiter of the same name sees those counts (the insurance is the same store).
    expect(await postgresLimiter(name, 2, 60).isBlocked("k")).toBe(true);
  });
});
