// The dashboards read a real streaming replica (DATABASE_READ_URL), with the same row-level security
// as the primary, and fall back to the primary when it is gone. Two throwaway clusters on this
// machine (tests/helpers/pg-cluster.ts): a primary (initdb, migrated, two tenants' clicks), and a
// hot standby made from it by pg_basebackup -R -X stream. Replay is paused on the standby, a number
// changes on the primary, and the funnel summary the dashboard shows (getFunnelSummary) still gives
// the old number while the same statement on the primary gives the new one; resumed, it catches up.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEnv } from "@/lib/config/env";
import { createReadClient, probeReplica } from "@/lib/db/read-client";
import { migrateJobQueue } from "@/lib/db/job-queue-schema";
import { migrate } from "@/lib/db/migrate";
import { tenantDb, tenantReadDb } from "@/lib/db/tenant-client";
import { getFunnelSummary, trustedFunnelScope } from "@/lib/funnel/queries";
import { stageTotals } from "@/lib/funnel/stages";
import type { FunnelFilter } from "@/lib/funnel/types";
import { readReplicaCheck, registerServerReadinessChecks } from "@/lib/ops/checks";
import { runReadinessChecks } from "@/lib/ops/readiness";
import { ClusterPair, removeStaleClusters } from "../helpers/pg-cluster";

const A = "replica_tenant_a";
const B = "replica_tenant_b";
const period: FunnelFilter = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-04T00:00:00Z"), basis: "period" };
const scopeA = trustedFunnelScope(A, "USD");

let clusters: ClusterPair | undefined;
let primary: pg.Client;
let standby: pg.Client; // owner session on the replica, for pausing replay and looking at raw rows
let standbyOpen = false;
const measured: Record<string, number> = {};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ms: Math.round(performance.now() - started) };
    if (performance.now() - started > timeoutMs) throw new Error(`not caught up after ${timeoutMs} ms (last: ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function replayedUpToNow(): Promise<number> {
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  const { ms } = await until(
    async () => (await standby.query<{ behind: string }>("SELECT pg_wal_lsn_diff($1, pg_last_wal_replay_lsn())::text AS behind", [rows[0].lsn])).rows[0].behind,
    (behind) => Number(behind) <= 0,
  );
  return ms;
}

const dashboardClicks = async () => (await getFunnelSummary(scopeA, period)).totals.clicks;
const primaryClicks = async () => (await stageTotals(scopeA, period, "none", tenantDb(A))).get("")?.clicks ?? 0;

beforeAll(async () => {
  await removeStaleClusters();
  clusters = new ClusterPair();
  const p = await clusters.startPrimary();
  const admin = new pg.Client({ connectionString: p.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE twoway");
  await admin.end();
  await migrate(p.url("twoway"));
  await migrateJobQueue(p.url("twoway"));

  // The app's clients are made on first use from the environment: point them at these clusters.
  process.env.DATABASE_URL = p.url("twoway");
  primary = new pg.Client({ connectionString: p.url("twoway") });
  await primary.connect();
  // Two tenants' clicks on 2026-03-01 (ClickDaily's trigger feeds the rollups the dashboard reads).
  for (const [tenantId, clicks] of [[A, 25], [B, 100]] as const) {
    await primary.query(`INSERT INTO "Tenant" (id, slug, name, "updatedAt") VALUES ($1, $1, $1, now())`, [tenantId]);
    await primary.query(
      `INSERT INTO "ClickDaily" ("tenantId", day, "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", clicks)
       VALUES ($1, '2026-03-01', $1 || '_link', $1 || '_partner', $1 || '_program', 'US', 'RU', $2)`,
      [tenantId, clicks],
    );
  }

  const started = performance.now();
  const r = await clusters.startReplica();
  measured.basebackupAndStartMs = Math.round(performance.now() - started);
  process.env.DATABASE_READ_URL = r.url("twoway");
  standby = new pg.Client({ connectionString: r.url("twoway") });
  standby.on("error", () => undefined); // the replica is stopped under it in the last test
  await standby.connect();
  standbyOpen = true;
}, 180_000);

afterAll(async () => {
  await primary?.end().catch(() => undefined);
  if (standbyOpen) await standby.end().catch(() => undefined);
  await tenantDb(A).$disconnect().catch(() => undefined);
  await tenantReadDb(A).$disconnect().catch(() => undefined);
  await clusters?.destroy();
  console.log(`[read-replica] measured: ${JSON.stringify(measured)}`);
}, 60_000);

describe("a streaming replica", () => {
  it("is a hot standby that receives what the primary writes", async () => {
    expect((await standby.query("SELECT pg_is_in_recovery() AS r")).rows[0].r).toBe(true);
    await primary.query(`INSERT INTO "Tenant" (id, slug, name, "updatedAt") VALUES ('replica_probe', 'replica_probe', 'probe', now())`);
    const { ms } = await until(
      async () => (await standby.query(`SELECT count(*)::int AS n FROM "Tenant" WHERE id = 'replica_probe'`)).rows[0].n,
      (n) => n === 1,
    );
    measured.rowVisibleOnReplicaMs = ms;
  });

  it("serves the dashboard: paused replay keeps the old number, the primary has the new one, resumed it catches up", async () => {
    await replayedUpToNow();
    expect(await dashboardClicks()).toBe(25);

    await standby.query("SELECT pg_wal_replay_pause()");
    await primary.query(`UPDATE "ClickDaily" SET clicks = clicks + 7 WHERE "tenantId" = $1`, [A]);
    // Some WAL to catch up on besides: 5,000 days of B's clicks (rollup triggers included).
    await primary.query(
      `INSERT INTO "ClickDaily" ("tenantId", day, "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", clicks)
       SELECT $1, DATE '2000-01-01' + g, $1 || '_link', $1 || '_partner', $1 || '_program', 'US', 'RU', 1 FROM generate_series(1, 5000) g`,
      [B],
    );
    expect(await primaryClicks()).toBe(32);
    expect(await dashboardClicks()).toBe(25); // read from the replica, which has not replayed the update

    const { detail } = await readReplicaCheck()();
    expect(detail).toMatchObject({ readingFrom: "replica", standby: true, paused: true });
    const behind = (detail as { replayLagBytes: number }).replayLagBytes;
    expect(behind).toBeGreaterThan(0); // received, not replayed
    measured.walBehindWhilePausedBytes = behind;

    await standby.query("SELECT pg_wal_replay_resume()");
    const { ms } = await until(dashboardClicks, (n) => n === 32);
    measured.dashboardCaughtUpAfterResumeMs = ms;
    measured.allWalReplayedAfterResumeMs = ms + (await replayedUpToNow());
  });

  it("is not read while it is further behind than DATABASE_READ_MAX_LAG_SECONDS", async () => {
    process.env.DATABASE_READ_MAX_LAG_SECONDS = "1";
    try {
      await replayedUpToNow();
      expect((await probeReplica()).lagSeconds).toBe(0);
      await standby.query("SELECT pg_wal_replay_pause()");
      await primary.query(`UPDATE "ClickDaily" SET clicks = clicks + 1 WHERE "tenantId" = $1`, [A]);
      expect(await probeReplica()).toMatchObject({ usable: true }); // behind, but not for long yet
      expect(await dashboardClicks()).toBe(32);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const behind = await probeReplica();
      expect(behind).toMatchObject({ usable: false, error: expect.stringMatching(/behind the primary/) });
      expect(behind.lagSeconds).toBeGreaterThan(1);
      expect(await dashboardClicks()).toBe(33); // the primary's number
      await standby.query("SELECT pg_wal_replay_resume()");
      await replayedUpToNow();
      expect(await probeReplica()).toMatchObject({ usable: true, lagSeconds: 0 });
    } finally {
      delete process.env.DATABASE_READ_MAX_LAG_SECONDS;
      await standby.query("SELECT pg_wal_replay_resume()");
    }
  });

  it("applies row-level security on the replica: a tenant's read client sees only its own rows", async () => {
    await replayedUpToNow();
    // Raw SQL with no tenant filter: only RLS (role twoway_app + app.tenant_id) can hide B's rows.
    const rows = await tenantReadDb(A).$queryRaw<{ tenantId: string }[]>`SELECT "tenantId" FROM "ClickDaily"`;
    expect(rows.map((r) => r.tenantId)).toEqual([A]);
    const total = await tenantReadDb(B).$queryRaw<{ n: bigint }[]>`SELECT COALESCE(SUM(clicks), 0)::bigint AS n FROM "ClickDaily"`;
    expect(total[0].n).toBe(5_100n); // 100 + the 5,000 days written while replay was paused
    // The owner's session on the same replica sees both: the rows are there, RLS hid them.
    const owner = await standby.query(`SELECT count(DISTINCT "tenantId")::int AS n FROM "ClickDaily"`);
    expect(owner.rows[0].n).toBe(2);
  });

  it("refuses writes through the read client", async () => {
    await expect(tenantReadDb(A).$executeRaw`UPDATE "ClickDaily" SET clicks = 0`).rejects.toThrow(/read-only/);
    // Read-only even when pointed at a primary by mistake (default_transaction_read_only).
    const misconfigured = createReadClient(process.env.DATABASE_URL!);
    try {
      await expect(misconfigured.$executeRawUnsafe(`UPDATE "ClickDaily" SET clicks = 0`)).rejects.toThrow(/read-only/);
    } finally {
      await misconfigured.$disconnect();
    }
    expect(await primaryClicks()).toBe(33);
  });

  it("falls back to the primary when the replica is gone", async () => {
    await standby.end();
    standbyOpen = false;
    await clusters!.stopReplica();
    const health = await probeReplica();
    expect(health.usable).toBe(false);
    expect(await dashboardClicks()).toBe(33); // from the primary now
    // What /readyz answers: ready (the instance still serves everything), the replica reported.
    const remove = registerServerReadinessChecks(primary, { pending: 0, capacity: 1 });
    try {
      const report = await runReadinessChecks();
      expect(report.checks.readReplica).toMatchObject({ ok: true, detail: { readingFrom: "primary", error: expect.stringMatching(/reach/) } });
      expect(report.checks.database.ok && report.checks.migrations.ok).toBe(true);
    } finally {
      remove();
    }
  });
});

describe("DATABASE_READ_URL configuration", () => {
  it("must be a PostgreSQL URL and needs DATABASE_URL", () => {
    const db = "postgresql://u@primary.internal/twoway";
    expect(() => validateEnv({ DATABASE_URL: db, DATABASE_READ_URL: "postgresql://u@replica.internal/twoway" }, { production: false })).not.toThrow();
    expect(() => validateEnv({ DATABASE_URL: db, DATABASE_READ_URL: "replica.internal" }, { production: false })).toThrow(/DATABASE_READ_URL/);
    expect(() => validateEnv({ DATABASE_READ_URL: "postgresql://u@replica.internal/twoway" }, { production: false })).toThrow(/needs DATABASE_URL/);
  });
});
