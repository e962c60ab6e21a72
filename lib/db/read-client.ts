// The read client: a second Prisma client on DATABASE_READ_URL (a streaming replica) for the
// dashboards' reads — funnel, LTV, drill-downs, exports (lib/funnel/scope.ts `funnelDb`). Be
// extremely careful: like client.ts's `prisma` it is NOT tenant-scoped by itself; tenant work
// reaches it only through `tenantReadDb(id)` (tenant-client.ts), the same guard extension as
// `tenantDb`. It is built by the same `createPrismaClient`, so it has the same pool size and
// timeouts (pool-config.ts) and the same second wall: a tenant-scoped query runs in a transaction
// that first did `SET LOCAL ROLE twoway_app` + `set_config('app.tenant_id', …)` — both allowed on
// a hot standby, so row-level security hides other tenants' rows on the replica too.
//
// Every session is read-only (`default_transaction_read_only`): a write sent here fails at once,
// also when DATABASE_READ_URL points at a primary by mistake. Unset → no second client; callers
// use the primary. A replica that stops answering, is no longer a standby, or falls more than
// DATABASE_READ_MAX_LAG_SECONDS behind is noticed by a background probe (at most one every 5 s)
// and the dashboards read the primary until it is back, so a replica outage never takes more than
// the reads in flight with it. docs/operations.md, "Read replica": what reads go here and why lag
// is acceptable for them.
import { createPrismaClient, prisma, type PrismaClient } from "./client";
import { runAsOwner } from "./tenant-scope";

export function readReplicaUrl(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const url = env.DATABASE_READ_URL?.trim();
  return url ? url : undefined;
}

/** A read-only client on `url` with the app's pool settings and row-level security behaviour. */
export function createReadClient(url: string): PrismaClient {
  return createPrismaClient(url, { options: "-c default_transaction_read_only=on" });
}

const globalForRead = globalThis as unknown as { __twowayReadPrisma?: PrismaClient };

/** The process's read client, created on first use (never at import), or undefined without DATABASE_READ_URL. */
export function readClient(): PrismaClient | undefined {
  const url = readReplicaUrl();
  if (!url) return undefined;
  globalForRead.__twowayReadPrisma ??= createReadClient(url);
  return globalForRead.__twowayReadPrisma;
}

export type ReplicaStatus = {
  /** false: the server answering is not in recovery (promoted, or a primary by mistake): its data may diverge. */
  standby: boolean;
  /** Replay is paused (pg_wal_replay_pause): the replica falls further behind until resumed. */
  paused: boolean;
  /** WAL received but not yet replayed, in bytes: the lag that will close on its own. */
  replayLagBytes: number;
  /** Seconds since the last replayed transaction committed on the primary; grows while the primary is idle too. */
  lastReplayAgeSeconds: number | null;
  /** The last WAL position replayed ("0/3000148"). */
  replayLsn: string | null;
};

/** One cheap statement on the replica (functions only, no table): what /readyz reports about it. */
export async function replicaStatus(client: PrismaClient): Promise<ReplicaStatus> {
  const [row] = await client.$queryRawUnsafe<
    { standby: boolean; paused: boolean | null; lag: bigint | null; age: number | null; lsn: string | null }[]
  >(`SELECT pg_is_in_recovery() AS standby,
      CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused,
      pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint AS lag,
      EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS age,
      pg_last_wal_replay_lsn()::text AS lsn`);
  return {
    standby: row.standby,
    paused: row.paused === true,
    replayLagBytes: Math.max(0, Number(row.lag ?? 0)),
    lastReplayAgeSeconds: row.age === null ? null : Math.round(row.age * 10) / 10,
    replayLsn: row.lsn,
  };
}

/** How far behind the replica may be before the dashboards read the primary: DATABASE_READ_MAX_LAG_SECONDS (default 30). */
export function maxReplicaLagMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.DATABASE_READ_MAX_LAG_SECONDS?.trim();
  if (!raw) return 30_000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`DATABASE_READ_MAX_LAG_SECONDS must be a positive whole number (got "${raw}")`);
  return seconds * 1000;
}

export type ReplicaHealth = {
  usable: boolean;
  checkedAt: number;
  /** At least this far behind the primary (seconds; resolution: the time between probes). */
  lagSeconds?: number;
  status?: ReplicaStatus;
  error?: string;
};

const PROBE_EVERY_MS = 5_000;
const HEALTH = Symbol.for("twoway.readReplicaHealth");
type State = ReplicaHealth & { probing?: Promise<ReplicaHealth>; pending: { at: number; lsn: bigint }[] };
const slots = globalThis as typeof globalThis & { [HEALTH]?: State };
// Optimistic until the first probe (started by the first read) says otherwise.
const state = (slots[HEALTH] ??= { usable: true, checkedAt: 0, pending: [] });

const lsnValue = (lsn: string): bigint => {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};

/**
 * One probe. Lag is measured in time, not bytes: each probe notes the primary's WAL position; a
 * position the replica has not replayed by a later probe makes it at least that old behind. An idle
 * primary writes no WAL, so an idle pair reads 0 (unlike the age of the last replayed commit), and a
 * replica that stopped receiving WAL (its link to the primary cut) is caught once the limit passes.
 */
async function measure(client: PrismaClient): Promise<Omit<ReplicaHealth, "checkedAt">> {
  let primaryLsn: bigint | undefined;
  try {
    const [row] = await prisma.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn");
    primaryLsn = lsnValue(row.lsn);
  } catch {
    // The primary did not answer: judge the replica on its own this time.
  }
  const status = await replicaStatus(client);
  if (!status.standby) return { usable: false, status, error: "not a standby (promoted?)" };
  const now = Date.now();
  if (primaryLsn !== undefined) state.pending.push({ at: now, lsn: primaryLsn });
  const replayed = status.replayLsn ? lsnValue(status.replayLsn) : 0n;
  state.pending = state.pending.filter((p) => p.lsn > replayed);
  const lagMs = state.pending.length ? now - state.pending[0].at : 0;
  const lagSeconds = Math.round(lagMs / 100) / 10;
  const max = maxReplicaLagMs();
  if (lagMs > max) return { usable: false, status, lagSeconds, error: `at least ${lagSeconds} s behind the primary (limit ${max / 1000} s)` };
  return { usable: true, status, lagSeconds };
}

/** Asks the replica now (one probe at a time): unreachable, not a standby, or too far behind makes it unusable. */
export function probeReplica(client: PrismaClient | undefined = readClient()): Promise<ReplicaHealth> {
  if (!client) return Promise.resolve({ usable: false, checkedAt: Date.now(), error: "DATABASE_READ_URL is not set" });
  state.probing ??= runAsOwner(() => measure(client))
    .catch((err: unknown) => ({
      usable: false,
      // Prisma's messages span lines (invocation, blank lines, the cause): keep the cause.
      error: lastLine(err instanceof Error ? err.message : String(err)),
    }))
    .then((next) => {
      if (next.usable !== state.usable) {
        console.error(`[twoway] read replica ${next.usable ? "usable again: dashboards read it" : `unusable, dashboards read the primary: ${next.error}`}`);
      }
      const { usable, status, lagSeconds, error } = { status: undefined, lagSeconds: undefined, error: undefined, ...next };
      Object.assign(state, { usable, status, lagSeconds, error, checkedAt: Date.now(), probing: undefined });
      return { usable, checkedAt: state.checkedAt, lagSeconds, status, error };
    });
  return state.probing;
}

const lastLine = (text: string) => text.trim().split("\n").filter((line) => line.trim()).at(-1)?.trim() ?? text;

/** The read client while the replica is usable (probed in the background), else undefined: read the primary. */
export function usableReadClient(): PrismaClient | undefined {
  const client = readClient();
  if (!client) return undefined;
  if (!state.probing && Date.now() - state.checkedAt >= PROBE_EVERY_MS) void probeReplica(client);
  return state.usable ? client : undefined;
}
