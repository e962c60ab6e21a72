// The narrow handle of the redirect hot path (lib/tracking): a small raw `pg` pool, no Prisma and
// no tenant scope. Queries on it run as the owner — the link lookup by its globally unique code
// and the batched click writes (docs/security.md, "Paths that run as the owner"). lib/tracking
// gets its pool only from here (or from scripts/server.ts, which builds the same one).
import pg, { type Pool } from "pg";
import { poolTimeouts } from "./pool-config";

/** What the tracking code needs of a pool: one parameterised query at a time. */
export type Queryable = Pick<Pool, "query">;
export type TrackingPool = Pool;

/** A plain pg pool on `url` with at most `max` connections and the configured timeouts (no error handler: callers add their own). */
export function createTrackingPool(url: string, max: number): TrackingPool {
  return new pg.Pool({ connectionString: url, max, ...poolTimeouts() });
}

/**
 * The small pool the redirect uses for lookups and click batches when it runs inside Next (the
 * fallback route); scripts/server.ts builds the same one itself. At most 3 connections, 1 for the
 * embedded database (DATABASE_POOL_MAX=1).
 */
export function createRedirectPool(url = process.env.DATABASE_URL): TrackingPool {
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const pool = createTrackingPool(url, Math.min(Number(process.env.DATABASE_POOL_MAX ?? 3), 3));
  pool.on("error", (err) => console.error(`[twoway] redirect pool: ${err.message}`));
  return pool;
}
