// Upkeep of the month partitions of "Click" and each agency's click retention (the daily job
// clicks:partitions; docs/operations.md, "Partitioned clicks and retention"). Migration
// 20261206130000_click_partitions made "Click" partitioned by month on "occurredAt" (UTC).
//
// 1. Partitions ahead: this month and the next `ahead` months exist, so the click writer never fills
//    the default partition in normal operation. Rows that did land in "Click_default" (a clock far
//    off, a backfill) get their month's partition and are moved into it
//    (twoway_click_partition_ensure, in the migration).
// 2. Retention: an agency with `clickRetentionMonths` = N keeps the current month and the N whole
//    months before it; older raw clicks are deleted (a click is kept between N and N + 1 months).
//    null keeps them forever. Only raw clicks: "ClickDaily", "FunnelDaily" and the other rollups are
//    separate tables that no trigger on "Click" touches, so the dashboard's history stays.
// 3. A past month partition is DETACHed and DROPped when every agency with clicks in it has a
//    retention that passed it — instead of deleting its rows one by one. An empty past partition
//    older than the shortest allowed retention is dropped too. Otherwise only the expired agencies'
//    rows are deleted from it, in small batches.
//
// Be careful: this deletes data of every tenant, as the owner (SystemContext, no RLS). Not part of the
// redirect hot path (nothing under lib/tracking that the redirect loads imports it): it runs in the
// worker through Prisma's owner client.
import type { SystemContext } from "@/lib/auth/contexts/system";

export const MIN_RETENTION_MONTHS = 3;
export const MAX_RETENTION_MONTHS = 120;
/** Months created ahead of the current one by the daily job. */
export const PARTITIONS_AHEAD = 2;
const DELETE_BATCH = 10_000;
const PARTITION_NAME = /^Click_(\d{4})_(\d{2})$/;

export type PartitionReport = {
  created: string[];
  movedFromDefault: number;
  deletedRows: number;
  dropped: string[];
  /** Partitions whose creation or drop did not get its lock in time (retried on the next run). */
  skipped: string[];
  interrupted: boolean;
};

type Db = SystemContext["db"];
type Options = { ahead?: number; now?: Date; shouldStop?: () => boolean; batchSize?: number };

/** The first instant (UTC) of the month `delta` months after the one containing `d`. */
export function monthStart(d: Date, delta = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1));
}

/** "YYYY-MM-DD 00:00:00": a timestamp literal in UTC (the column is `timestamp` holding UTC). */
const sqlTs = (d: Date) => `${d.toISOString().slice(0, 10)} 00:00:00`;

const isLockTimeout = (err: unknown) => String((err as { message?: unknown })?.message ?? "").includes("lock timeout");

/**
 * Creates the partition of `month` (any instant in it) unless it exists, moving its rows out of the
 * default partition. Attaching takes an exclusive lock on "Click_default", which waits for every
 * running statement that reads "Click" and holds up the click writer meanwhile: after 5 s it gives
 * up and throws a lock timeout (the next run tries again).
 */
export async function ensureClickPartition(db: Db, month: Date): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '5s'`);
      const rows = await tx.$queryRawUnsafe<{ created: boolean }[]>(`SELECT twoway_click_partition_ensure($1::timestamp) AS created`, sqlTs(monthStart(month)));
      return rows[0].created;
    },
    { timeout: 60_000 },
  );
}

/** The month partitions of "Click" with their range. */
export async function listClickPartitions(db: Db): Promise<{ name: string; from: Date; to: Date }[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE p.relname = 'Click' AND n.nspname = current_schema() ORDER BY 1`,
  );
  return rows.flatMap(({ name }) => {
    const m = PARTITION_NAME.exec(name);
    if (!m) return [];
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return [{ name, from, to: monthStart(from, 1) }];
  });
}

/** Tenants with at least one row in `table` (a loose index scan over its ("tenantId", "occurredAt") index). */
async function tenantsIn(db: Pick<Db, "$queryRawUnsafe">, table: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH RECURSIVE t(id) AS (
       SELECT min("tenantId") FROM "${table}"
       UNION ALL SELECT (SELECT min("tenantId") FROM "${table}" WHERE "tenantId" > t.id) FROM t WHERE t.id IS NOT NULL)
     SELECT id FROM t WHERE id IS NOT NULL`,
  );
  return rows.map((r) => r.id);
}

async function deleteInBatches(db: Db, table: string, where: string, params: unknown[], batch: number, shouldStop: () => boolean): Promise<number> {
  let total = 0;
  for (;;) {
    if (shouldStop()) return total;
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "${table}" WHERE ${where} LIMIT ${batch}))`,
      ...params,
    );
    total += n;
    if (n < batch) return total;
  }
}

/** Detaches and drops `name` if, under the lock, every tenant with rows in it may still lose them. */
async function dropPartition(db: Db, name: string, expired: (tenantId: string) => boolean): Promise<"dropped" | "kept" | "skipped"> {
  try {
    return await db.$transaction(
      async (tx) => {
        // A waiting ACCESS EXCLUSIVE request queues every click insert behind it: give up quickly.
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '5s'`);
        await tx.$executeRawUnsafe(`LOCK TABLE "Click" IN ACCESS EXCLUSIVE MODE`);
        if (!(await tenantsIn(tx, name)).every(expired)) return "kept";
        await tx.$executeRawUnsafe(`ALTER TABLE "Click" DETACH PARTITION "${name}"`);
        await tx.$executeRawUnsafe(`DROP TABLE "${name}"`);
        return "dropped";
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    if (isLockTimeout(err)) return "skipped";
    throw err;
  }
}

/** The daily upkeep: partitions ahead, rows out of the default partition, retention. */
export async function maintainClickPartitions(ctx: SystemContext, options: Options = {}): Promise<PartitionReport> {
  const db = ctx.db;
  const now = options.now ?? new Date();
  const ahead = options.ahead ?? PARTITIONS_AHEAD;
  const batch = options.batchSize ?? DELETE_BATCH;
  const shouldStop = options.shouldStop ?? (() => false);
  const report: PartitionReport = { created: [], movedFromDefault: 0, deletedRows: 0, dropped: [], skipped: [], interrupted: false };
  const stop = () => (report.interrupted ||= shouldStop());

  // 1. This month and `ahead` more, and every month that has rows waiting in the default partition.
  const waiting = await db.$queryRawUnsafe<{ month: string; n: bigint }[]>(
    `SELECT to_char(date_trunc('month', "occurredAt"), 'YYYY-MM-DD') AS month, count(*) AS n FROM "Click_default" GROUP BY 1 ORDER BY 1`,
  );
  const months = new Map<string, Date>();
  for (let i = 0; i <= ahead; i++) months.set(sqlTs(monthStart(now, i)), monthStart(now, i));
  for (const w of waiting) months.set(`${w.month} 00:00:00`, new Date(`${w.month}T00:00:00Z`));
  for (const [key, month] of months) {
    if (stop()) return report;
    const name = `Click_${key.slice(0, 4)}_${key.slice(5, 7)}`;
    try {
      if (await ensureClickPartition(db, month)) {
        report.created.push(name);
        report.movedFromDefault += Number(waiting.find((w) => `${w.month} 00:00:00` === key)?.n ?? 0);
      }
    } catch (err) {
      if (!isLockTimeout(err)) throw err;
      report.skipped.push(name);
    }
  }

  // 2. and 3. Retention, partition by partition (past months only), then the default partition.
  const tenants = await db.tenant.findMany({ select: { id: true, clickRetentionMonths: true } });
  const cutoffs = new Map(
    tenants.filter((t) => t.clickRetentionMonths !== null).map((t) => [t.id, monthStart(now, -t.clickRetentionMonths!)]),
  );
  const thisMonth = monthStart(now);
  const oldestKeptByAnyone = monthStart(now, -MIN_RETENTION_MONTHS);
  for (const p of await listClickPartitions(db)) {
    if (p.to > thisMonth) continue;
    if (stop()) return report;
    // Expired for a tenant: the whole month lies before its cutoff. Unknown tenant ids are kept.
    const expired = (tenantId: string) => {
      const cutoff = cutoffs.get(tenantId);
      return cutoff !== undefined && p.to <= cutoff;
    };
    const present = await tenantsIn(db, p.name);
    if (present.length ? present.every(expired) : p.to <= oldestKeptByAnyone) {
      const outcome = await dropPartition(db, p.name, expired);
      if (outcome === "dropped") report.dropped.push(p.name);
      if (outcome === "skipped") report.skipped.push(p.name);
      if (outcome !== "kept") continue;
    }
    for (const tenantId of present.filter(expired)) {
      report.deletedRows += await deleteInBatches(db, p.name, `"tenantId" = $1`, [tenantId], batch, stop);
    }
  }
  for (const [tenantId, cutoff] of cutoffs) {
    if (stop()) return report;
    report.deletedRows += await deleteInBatches(db, "Click_default", `"tenantId" = $1 AND "occurredAt" < $2::timestamp`, [tenantId, sqlTs(cutoff)], batch, stop);
  }
  return report;
}
