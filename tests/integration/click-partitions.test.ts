// "Click" partitioned by month (migration 20261206130000_click_partitions) and the daily upkeep with
// each agency's retention (lib/tracking/partitions.ts), on scratch databases of the real PostgreSQL;
// then the retention setting's server action on the shared test database.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SystemContext } from "@/lib/auth/contexts/system";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { ensureClickPartition, listClickPartitions, maintainClickPartitions } from "@/lib/tracking/partitions";
import en from "@/locales/en/errors.json";
import ru from "@/locales/ru/errors.json";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { createScratchDatabase } from "../helpers/scratch-db";

const MINE = "20261206130000_click_partitions";

/** A copy of prisma/migrations holding the migrations before ours (and ours when `withMine`). */
function migrationsDir(withMine: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "twoway-migrations-"));
  for (const name of readdirSync("prisma/migrations").sort()) {
    if (!/^\d{14}_/.test(name) || name > MINE || (name === MINE && !withMine)) continue;
    cpSync(join("prisma/migrations", name), join(dir, name), { recursive: true });
  }
  return dir;
}

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(drops.map((d) => d()));
});

async function scratch(): Promise<{ url: string; c: pg.Client }> {
  const db = await createScratchDatabase("twoway_partitions");
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  drops.push(async () => {
    await c.end();
    await db.drop();
  });
  return { url: db.url, c };
}

const CLICK = `INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "occurredAt", "visitorHash")
  VALUES ($1, $2, 'lnk', 'ptn', 'prg', 'US', 'RU', $3::timestamp, 'v')`;

async function partitionOf(c: pg.Client, id: string): Promise<string> {
  return (await c.query<{ p: string }>(`SELECT tableoid::regclass::text AS p FROM "Click" WHERE id = $1`, [id])).rows[0]?.p;
}

describe("migration: Click becomes partitioned by month and keeps every row", () => {
  let c: pg.Client;
  let before: { n: number; digest: string };

  beforeAll(async () => {
    const db = await scratch();
    c = db.c;
    await migrate(db.url, { migrationsDir: migrationsDir(false) });
    // 300 clicks of two tenants from January 2025 on, one every 2 days, some repeats and bots.
    await c.query(`INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket",
        "occurredAt", "country", "device", "visitorHash", "isBot", "repeatOfId")
      SELECT 'k' || g, CASE WHEN g % 2 = 0 THEN 'ta' ELSE 'tb' END, 'lnk' || (g % 7), 'ptn', 'prg', 'US', 'RU',
        TIMESTAMP '2025-01-01 10:00' + g * INTERVAL '2 days', 'US', 'mobile', md5(g::text), g % 25 = 0,
        CASE WHEN g % 10 = 0 THEN 'k' || (g - 1) END
      FROM generate_series(1, 300) g`);
    const digest = `SELECT count(*)::int AS n, md5(string_agg(k::text, ',' ORDER BY k.id)) AS digest FROM "Click" k`;
    before = (await c.query(digest)).rows[0];
    await migrate(db.url, { migrationsDir: migrationsDir(true) });
    expect((await c.query(digest)).rows[0]).toEqual(before);
  }, 120_000);

  it("moved every row, each into its month's partition, none into the default one", async () => {
    expect(before.n).toBe(300);
    const { rows } = await c.query<{ wrong: number; inDefault: number }>(
      `SELECT count(*) FILTER (WHERE tableoid::regclass::text <> '"Click_' || to_char("occurredAt", 'YYYY_MM') || '"')::int AS wrong,
              count(*) FILTER (WHERE tableoid::regclass::text = '"Click_default"')::int AS "inDefault" FROM "Click"`,
    );
    expect(rows[0]).toEqual({ wrong: 0, inDefault: 0 });
    expect(await c.query(`SELECT to_regclass('"Click_unpartitioned"') AS t`).then((r) => r.rows[0].t)).toBeNull();
  });

  it("has month partitions from the oldest click through two months ahead, and a default one", async () => {
    const { rows } = await c.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"Click"'::regclass ORDER BY 1`,
    );
    const names = rows.map((r) => r.name);
    expect(names[0]).toBe("Click_2025_01");
    expect(names).toContain("Click_default");
    const now = new Date();
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
    expect(names).toContain(`Click_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, "0")}`);
    // Continuous: every month between the first and the last has its partition.
    expect(names.filter((n) => n !== "Click_default").length).toBe(
      (ahead.getUTCFullYear() - 2025) * 12 + ahead.getUTCMonth() + 1,
    );
  });

  it("keys clicks by (id, occurredAt), keeps the indexes, RLS and the app role's grants", async () => {
    const pk = await c.query(`SELECT array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols
      FROM pg_index x WHERE x.indrelid = '"Click"'::regclass AND x.indisprimary`);
    expect(pk.rows[0].cols).toEqual(["id", "occurredAt"]);
    const idx = await c.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'Click' ORDER BY 1`);
    expect(idx.rows.map((r) => r.indexname)).toEqual([
      "Click_linkId_visitorHash_occurredAt_idx", "Click_pkey", "Click_tenantId_occurredAt_idx", "Click_tenantId_partnerId_occurredAt_idx",
    ]);
    const asApp = async (tenant: string | null, sql: string) => {
      await c.query("BEGIN");
      try {
        await c.query("SET LOCAL ROLE twoway_app");
        if (tenant) await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        return (await c.query(sql)).rows;
      } finally {
        await c.query("ROLLBACK");
      }
    };
    expect(await asApp("ta", `SELECT count(*)::int AS n, count(DISTINCT "tenantId")::int AS t FROM "Click"`)).toEqual([{ n: 150, t: 1 }]);
    expect(await asApp(null, `SELECT count(*)::int AS n FROM "Click"`)).toEqual([{ n: 0 }]);
    // Another tenant's row cannot be written through the policy either.
    await expect(asApp("ta", `INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "visitorHash")
      VALUES ('x', 'tb', 'l', 'p', 'g', 'US', 'RU', 'v')`)).rejects.toThrow(/row-level security/);
    // A partition is not a way around the policy: the app role has no privilege on it.
    await expect(asApp("ta", `SELECT count(*) FROM "Click_2025_03"`)).rejects.toThrow(/permission denied/);
  });
});

describe("click partitions upkeep and retention", () => {
  let c: pg.Client;
  let url: string;
  let client: PrismaClient;
  let ctx: SystemContext;
  const NOW = new Date("2027-01-15T12:00:00Z");
  const rollups = `SELECT (SELECT md5(string_agg(d::text, ',' ORDER BY d::text)) FROM "ClickDaily" d) AS daily,
                          (SELECT md5(string_agg(f::text, ',' ORDER BY f::text)) FROM "FunnelDaily" f) AS funnel`;

  beforeAll(async () => {
    const db = await scratch();
    c = db.c;
    url = db.url;
    await migrate(db.url, { migrationsDir: migrationsDir(true) });
    client = createPrismaClient(db.url);
    // Only `db` is used by the upkeep; a SystemContext is otherwise made by lib/auth alone.
    ctx = { db: client } as unknown as SystemContext;
    // t1 keeps 3 months (cutoff 2026-10-01), t2 forever, t3 6 months (cutoff 2026-07-01).
    await c.query(`INSERT INTO "Tenant" ("id", "slug", "name", "updatedAt", "clickRetentionMonths")
      VALUES ('t1', 't1', 'T1', now(), 3), ('t2', 't2', 'T2', now(), NULL), ('t3', 't3', 'T3', now(), 6)`);
    await c.query(`SELECT twoway_click_partition_ensure(m) FROM generate_series(TIMESTAMP '2026-01-01', TIMESTAMP '2026-12-01', INTERVAL '1 month') m`);
    const clicks: [string, string, string][] = [
      ["t1-mar", "t1", "2026-03-05 08:00"], ["t1-may", "t1", "2026-05-10 08:00"], ["t1-sep", "t1", "2026-09-20 08:00"],
      ["t1-oct", "t1", "2026-10-02 08:00"], ["t1-jan", "t1", "2027-01-03 08:00"],
      ["t2-may", "t2", "2026-05-11 08:00"], ["t2-sep", "t2", "2026-09-21 08:00"],
      ["t3-may", "t3", "2026-05-12 08:00"], ["t3-sep", "t3", "2026-09-22 08:00"],
      // No partition for these months: they wait in the default partition.
      ["t2-old", "t2", "2025-06-01 08:00"], ["t1-old", "t1", "2025-07-01 08:00"],
    ];
    for (const [id, tenant, at] of clicks) await c.query(CLICK, [id, tenant, at]);
    // Rollups for clicks that retention will delete (their FunnelDaily rows follow by trigger).
    await c.query(`INSERT INTO "ClickDaily" ("tenantId", "day", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks")
      VALUES ('t1', '2026-03-05', 'lnk', 'ptn', 'prg', 'US', 'RU', 1), ('t1', '2026-05-10', 'lnk', 'ptn', 'prg', 'US', 'RU', 1),
             ('t3', '2026-05-12', 'lnk', 'ptn', 'prg', 'US', 'RU', 1)`);
  }, 120_000);

  afterAll(async () => {
    await client?.$disconnect();
  });

  it("routes an insert to its month's partition, and a month without one to the default partition", async () => {
    expect(await partitionOf(c, "t1-sep")).toBe('"Click_2026_09"');
    expect(await partitionOf(c, "t2-old")).toBe('"Click_default"');
  });

  it("rejects a retention outside 3–120 months in the database too", async () => {
    await expect(c.query(`UPDATE "Tenant" SET "clickRetentionMonths" = 2 WHERE id = 't1'`)).rejects.toThrow(/clickRetentionMonths_check/);
  });

  it("creates partitions ahead, moves rows out of the default partition, deletes only expired clicks, drops expired months", async () => {
    const rollupsBefore = (await c.query(rollups)).rows[0];
    expect(rollupsBefore.daily).not.toBeNull();
    const report = await maintainClickPartitions(ctx, { now: NOW, ahead: 2, batchSize: 1 });

    expect(report.created).toEqual(expect.arrayContaining(["Click_2027_03", "Click_2025_06", "Click_2025_07"]));
    expect(report.movedFromDefault).toBe(2);
    expect(report.interrupted).toBe(false);
    // March: only t1's click, expired → dropped whole. July 2025: only t1's (moved out of default) → dropped.
    // January, February, April, June, July, August 2026: empty and older than the shortest retention → dropped.
    expect([...report.dropped].sort()).toEqual([
      "Click_2025_07", "Click_2026_01", "Click_2026_02", "Click_2026_03", "Click_2026_04", "Click_2026_06", "Click_2026_07", "Click_2026_08",
    ]);
    // Deleted one by one: t1's and t3's May clicks, t1's September click (t2 keeps both months).
    expect(report.deletedRows).toBe(3);

    const left = await c.query<{ id: string; p: string }>(`SELECT id, tableoid::regclass::text AS p FROM "Click" ORDER BY id`);
    expect(left.rows).toEqual([
      { id: "t1-jan", p: '"Click_2027_01"' },
      { id: "t1-oct", p: '"Click_2026_10"' },
      { id: "t2-may", p: '"Click_2026_05"' },
      { id: "t2-old", p: '"Click_2025_06"' },
      { id: "t2-sep", p: '"Click_2026_09"' },
      { id: "t3-sep", p: '"Click_2026_09"' },
    ]);
    // Rollups stay forever: no trigger on Click touches them.
    expect((await c.query(rollups)).rows[0]).toEqual(rollupsBefore);
    const names = (await listClickPartitions(client)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Click_2026_05", "Click_2026_11", "Click_2026_12", "Click_2027_01", "Click_2027_02", "Click_2027_03"]));
    expect(await c.query(`SELECT to_regclass('"Click_2026_03"') AS t`).then((r) => r.rows[0].t)).toBeNull();
  });

  it("is idempotent: a second run creates, deletes and drops nothing", async () => {
    const report = await maintainClickPartitions(ctx, { now: NOW, ahead: 2 });
    expect(report).toEqual({ created: [], movedFromDefault: 0, deletedRows: 0, dropped: [], skipped: [], interrupted: false });
  });

  it("a partition created later takes the rows that waited in the default partition for its month", async () => {
    await c.query(CLICK, ["t2-future", "t2", "2027-07-04 08:00"]);
    expect(await partitionOf(c, "t2-future")).toBe('"Click_default"');
    const report = await maintainClickPartitions(ctx, { now: new Date("2027-05-20T00:00:00Z"), ahead: 2 });
    expect(report.created).toEqual(["Click_2027_05", "Click_2027_06", "Click_2027_07"]);
    expect(report.movedFromDefault).toBe(1);
    expect(await partitionOf(c, "t2-future")).toBe('"Click_2027_07"');
    expect((await c.query(`SELECT count(*)::int AS n FROM "Click_default"`)).rows[0].n).toBe(0);
  });

  it("gives up creating a partition after 5 s while a statement reads clicks, and makes it on the next try", async () => {
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    try {
      await reader.query(`BEGIN; SELECT count(*) FROM "Click"`);
      const started = Date.now();
      await expect(ensureClickPartition(client, new Date("2029-05-10T00:00:00Z"))).rejects.toThrow(/lock timeout/);
      expect(Date.now() - started).toBeLessThan(15_000);
      await reader.query("ROLLBACK");
      expect(await ensureClickPartition(client, new Date("2029-05-10T00:00:00Z"))).toBe(true);
      expect(await ensureClickPartition(client, new Date("2029-05-10T00:00:00Z"))).toBe(false);
    } finally {
      await reader.end();
    }
  });

  it("stops between steps when the worker shuts down", async () => {
    const report = await maintainClickPartitions(ctx, { now: NOW, shouldStop: () => true });
    expect(report.interrupted).toBe(true);
  });
});

describe("on the embedded database (PGlite, npm start)", () => {
  it("migrates into partitions and runs the upkeep with retention", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "twoway-embedded-partitions-"));
    const db = await startEmbeddedPostgres({ dataDir: join(dir, "pglite") });
    const max = process.env.DATABASE_POOL_MAX;
    process.env.DATABASE_POOL_MAX = "1"; // PGlite serves one connection at a time
    const client = createPrismaClient(db.url);
    if (max === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = max;
    try {
      await migrate(db.url, { migrationsDir: migrationsDir(true) });
      await client.$executeRawUnsafe(`INSERT INTO "Tenant" ("id", "slug", "name", "updatedAt", "clickRetentionMonths") VALUES ('e1', 'e1', 'E1', now(), 3)`);
      await client.$executeRawUnsafe(CLICK, "e-old", "e1", "2026-02-10 08:00");
      await client.$executeRawUnsafe(CLICK, "e-new", "e1", "2027-01-10 08:00");
      const ctx = { db: client } as unknown as SystemContext;
      const report = await maintainClickPartitions(ctx, { now: new Date("2027-01-15T00:00:00Z") });
      expect(report.created).toEqual(expect.arrayContaining(["Click_2027_03", "Click_2026_02"]));
      expect(report.dropped).toEqual(["Click_2026_02"]);
      const left = await client.$queryRawUnsafe<{ id: string; p: string }[]>(`SELECT id, tableoid::regclass::text AS p FROM "Click"`);
      expect(left).toEqual([{ id: "e-new", p: '"Click_2027_01"' }]);
    } finally {
      await client.$disconnect();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------- the retention setting (server action)

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-twoway-client-ip": "198.51.100.9" }) }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { updateClickRetentionAction } = await import("@/lib/settings/actions");

describe("the daily job", () => {
  it("is on the worker's crontab and task list as clicks:partitions", async () => {
    const { parseCrontab } = await import("graphile-worker");
    const { crontab, makeTasks } = await import("@/lib/jobs/tasks");
    expect(parseCrontab(crontab).filter((item) => item.task === "clicks:partitions")).toHaveLength(1);
    expect(makeTasks(() => false)["clicks:partitions"]).toBeTypeOf("function");
  });
});

describe("Settings → Click data (updateClickRetentionAction)", () => {
  let a: { fixture: TenantFixture };
  let b: { fixture: TenantFixture };
  const form = (value: string) => {
    const data = new FormData();
    data.append("clickRetentionMonths", value);
    return data;
  };
  const retention = async (tenantId: string) =>
    (await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { clickRetentionMonths: true } })).clickRetentionMonths;

  beforeAll(async () => {
    a = await tenantWithOwner("Retention Agency A");
    b = await tenantWithOwner("Retention Agency B");
  });

  it("saves the owner's months, audits the change, and clears back to forever", async () => {
    session.userId = a.fixture.userId;
    const target = { locale: "en", tenant: a.fixture.slug };
    expect(await updateClickRetentionAction(target, {}, form("12"))).toMatchObject({ ok: true, message: { key: "settings_saved" } });
    expect(await retention(a.fixture.tenantId)).toBe(12);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, action: "settings.updated" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorUserId: a.fixture.userId, entityType: "Tenant", data: { clickRetentionMonths: 12, previous: null } });
    expect(await updateClickRetentionAction(target, {}, form(""))).toMatchObject({ ok: true });
    expect(await retention(a.fixture.tenantId)).toBeNull();
  });

  it("rejects months outside 3–120 and non-numbers with a translated field error", async () => {
    session.userId = a.fixture.userId;
    const target = { locale: "ru", tenant: a.fixture.slug };
    for (const [value, key] of [["2", "too_small"], ["121", "too_big"], ["abc", "whole_number"], ["6.5", "whole_number"]] as const) {
      const state = await updateClickRetentionAction(target, {}, form(value));
      expect(state.ok, value).not.toBe(true);
      expect(state.fieldErrors?.clickRetentionMonths?.key, value).toBe(key);
      expect(en[key as keyof typeof en], key).toBeTruthy();
      expect(ru[key as keyof typeof ru], key).toBeTruthy();
    }
    expect(await retention(a.fixture.tenantId)).toBeNull();
  });

  it("cannot change another agency's retention, and only the owner may change it", async () => {
    session.userId = a.fixture.userId;
    await expect(updateClickRetentionAction({ locale: "en", tenant: b.fixture.slug }, {}, form("6"))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(await retention(b.fixture.tenantId)).toBeNull();
    const admin = await memberContext(a.fixture, "admin");
    session.userId = admin.userId;
    expect(await updateClickRetentionAction({ locale: "en", tenant: a.fixture.slug }, {}, form("6"))).toMatchObject({ ok: false, message: { key: "forbidden" } });
    expect(await retention(a.fixture.tenantId)).toBeNull();
  });
});
