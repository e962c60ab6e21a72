// Timeouts for every pg pool of the app (Prisma's, the redirect's, the click writer's, the health
// probe's), so nothing that talks to the database can hang: a connection attempt gives up after
// DATABASE_CONNECT_TIMEOUT_MS, a statement after DATABASE_STATEMENT_TIMEOUT_MS, a transaction left
// idle after DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS (the server ends its session), and an idle
// pooled connection is closed after DATABASE_IDLE_TIMEOUT_MS. lib/config/env.ts validates the
// variables at boot; here a malformed value throws too (a pool is never built with a silent default).
//
// The embedded database (PGlite's socket) accepts the two session settings in the startup packet and
// ignores them: its one backend runs one statement at a time. The client-side connect timeout works.
import type { PoolConfig } from "pg";

export const POOL_TIMEOUT_DEFAULTS = {
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
  DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 60_000,
  DATABASE_IDLE_TIMEOUT_MS: 10_000,
} as const;

export type PoolTimeoutName = keyof typeof POOL_TIMEOUT_DEFAULTS;

export function timeoutSetting(name: PoolTimeoutName, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[name]?.trim();
  if (!raw) return POOL_TIMEOUT_DEFAULTS[name];
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${name} must be a positive whole number of milliseconds (got "${raw}")`);
  return ms;
}

export type PoolTimeouts = Required<
  Pick<PoolConfig, "connectionTimeoutMillis" | "idleTimeoutMillis" | "statement_timeout" | "idle_in_transaction_session_timeout">
>;

/** The timeout part of a pg PoolConfig, from the environment. */
export function poolTimeouts(env: Readonly<Record<string, string | undefined>> = process.env): PoolTimeouts {
  return {
    connectionTimeoutMillis: timeoutSetting("DATABASE_CONNECT_TIMEOUT_MS", env),
    idleTimeoutMillis: timeoutSetting("DATABASE_IDLE_TIMEOUT_MS", env),
    statement_timeout: timeoutSetting("DATABASE_STATEMENT_TIMEOUT_MS", env),
    idle_in_transaction_session_timeout: timeoutSetting("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", env),
  };
}
