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
// use the primary. A replica that stops answering (or is no longer a standby) is noticed by a
// background probe (at most one every 5 s) and the dashboards read the primary until it is back,
// so a replica outage never takes more than the reads in flight with it. docs/operations.md,
// "Read replica": what reads go here and why lag is acceptable for them.
import { createPrismaClient, type PrismaClient } from "./client";
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
};

/** One cheap statement on the replica (functions only, no table): what /readyz reports about it. */
export async function replicaStatus(client: PrismaClient): Promise<ReplicaStatus> {
  const [row] = await client.$queryRawUnsafe<
    { standby: boolean; paused: boolean | null; lag: bigint | null; age: number | null }[]
  >(`SELECT pg_is_in_recovery() AS standby,
      CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused,
      pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint AS lag,
      EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS age`);
  return {
    standby: row.standby,
    paused: row.paused === true,
    replayLagBytes: Math.max(0, Number(row.lag ?? 0)),
    lastReplayAgeSeconds: row.age === null ? null : Math.round(row.age * 10) / 10,
  };
}

export type ReplicaHealth = { usable: boolean; checkedAt: number; status?: ReplicaStatus; error?: string };

const PROBE_EVERY_MS = 5_000;
const HEALTH = Symbol.for("twoway.readReplicaHealth");
const slots = globalThis as typeof globalThis & { [HEALTH]?: ReplicaHealth & { probing?: Promise<ReplicaHealth> } };
// Optimistic until the first probe (started by the first read) says otherwise.
const health = (slots[HEALTH] ??= { usable: true, checkedAt: 0 });

/** Asks the replica now (one probe at a time); a failure or a server that is not a standby makes it unusable. */
export function probeReplica(client: PrismaClient | undefined = readClient()): Promise<ReplicaHealth> {
  if (!client) return Promise.resolve({ usable: false, checkedAt: Date.now(), error: "DATABASE_READ_URL is not set" });
  health.probing ??= runAsOwner(() => replicaStatus(client))
    .then(
      (status) => ({ usable: status.standby, status, error: status.standby ? undefined : "not a standby (promoted?)" }),
      // Prisma's messages span lines (invocation, blank lines, the cause): keep the cause.
      (err: unknown) => ({ usable: false, status: undefined, error: lastLine(err instanceof Error ? err.message : String(err)) }),
    )
    .then((next) => {
      if (next.usable !== health.usable) {
        console.error(`[twoway] read replica ${next.usable ? "usable again: dashboards read it" : `unusable, dashboards read the primary: ${next.error}`}`);
      }
      Object.assign(health, next, { checkedAt: Date.now(), probing: undefined });
      return { usable: health.usable, checkedAt: health.checkedAt, status: health.status, error: health.error };
    });
  return health.probing;
}

const lastLine = (text: string) => text.trim().split("\n").filter((line) => line.trim()).at(-1)?.trim() ?? text;

/** The read client while the replica is usable (probed in the background), else undefined: read the primary. */
export function usableReadClient(): PrismaClient | undefined {
  const client = readClient();
  if (!client) return undefined;
  if (!health.probing && Date.now() - health.checkedAt >= PROBE_EVERY_MS) void probeReplica(client);
  return health.usable ? client : undefined;
}
