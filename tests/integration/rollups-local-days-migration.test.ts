// Migration 20261206181000_rollups_local_days on data the old (UTC-day) triggers and click writer
// left: a Russian agency moves to Europe/Moscow and its rollups are re-keyed to Moscow days; an
// English one stays on UTC untouched; an agency that already chose a zone keeps it; a ClickDaily day
// whose raw clicks retention deleted is kept as it was; every rollup equals its rebuild afterwards.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase } from "../helpers/scratch-db";

const MIGRATION = "20261206181000_rollups_local_days";

describe(`migration ${MIGRATION}`, () => {
  const drops: (() => Promise<void>)[] = [];
  let url: string;
  let owner: pg.Client;
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await owner.query<T>(sql, params)).rows;
  const ids: Record<"ru" | "en" | "yek", { tenant: string; link: string }> = {} as never;

  /** An agency as the old code left it: clicks (raw + the writer's UTC-day ClickDaily), a referral, a customer with revenue. */
  async function oldAgency(locale: string, timeZone: string) {
    const s = randomBytes(5).toString("hex");
    const t = `mig${s}`;
    await owner.query(`INSERT INTO "Tenant" ("id", "slug", "name", "defaultLocale", "timeZone", "updatedAt") VALUES ($1, $2, 'Old', $3, $4, now())`, [t, `old-${s}`, locale, timeZone]);
    await owner.query(`INSERT INTO "Partner" ("id", "tenantId", "name", "email", "market", "status", "updatedAt") VALUES ($1, $2, 'P', $3, 'RU', 'active', now())`, [`${t}p`, t, `p-${s}@x.test`]);
    await owner.query(`INSERT INTO "Program" ("id", "tenantId", "name", "markets", "updatedAt") VALUES ($1, $2, 'G', ARRAY['US','RU']::"Market"[], now())`, [`${t}g`, t]);
    await owner.query(`INSERT INTO "TrackedLink" ("id", "tenantId", "partnerId", "programId", "code", "destinationUrl", "sourceMarket", "targetMarket", "updatedAt")
      VALUES ($1, $2, $3, $4, $5, 'https://example.test/', 'RU', 'US', now())`, [`${t}l`, t, `${t}p`, `${t}g`, `c${s}`]);
    // 12:00 UTC and 22:30 UTC on 10 January (01:30 on the 11th in Moscow): one ClickDaily row of the UTC day, as the old writer made.
    for (const [n, at] of ["2026-01-10T12:00:00Z", "2026-01-10T22:30:00Z"].entries()) {
      await owner.query(`INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "occurredAt", "visitorHash")
        VALUES ($1, $2, $3, $4, $5, 'RU', 'US', $6::timestamptz AT TIME ZONE 'UTC', $7)`, [`${t}k${n}`, t, `${t}l`, `${t}p`, `${t}g`, at, `v${n}`]);
    }
    const daily = `INSERT INTO "ClickDaily" ("tenantId", "day", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks") VALUES ($1, $2, $3, $4, $5, 'RU', 'US', $6)`;
    await owner.query(daily, [t, "2026-01-10", `${t}l`, `${t}p`, `${t}g`, 2]);
    // A December day whose raw clicks retention has deleted.
    await owner.query(daily, [t, "2025-12-20", `${t}l`, `${t}p`, `${t}g`, 5]);
    await owner.query(`INSERT INTO "Referral" ("id", "tenantId", "programId", "partnerId", "kind", "subjectName", "sourceMarket", "targetMarket", "status", "submittedAt", "updatedAt")
      VALUES ($1, $2, $3, $4, 'brand', 'S', 'RU', 'US', 'submitted', '2026-01-10 22:30:00', now())`, [`${t}r`, t, `${t}g`, `${t}p`]);
    // First seen at 21:30 UTC on 31 January: 1 February in Moscow (another cohort month).
    await owner.query(`INSERT INTO "Customer" ("id", "tenantId", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "firstSeenAt", "updatedAt")
      VALUES ($1, $2, 'direct', $3, $4, 'RU', 'US', '2026-01-31 21:30:00', now())`, [`${t}c`, t, `${t}p`, `${t}g`]);
    await owner.query(`INSERT INTO "ConversionEvent" ("id", "tenantId", "type", "source", "idempotencyKey", "payloadHash", "occurredAt", "amountMinor", "currency",
        "reportingAmountMinor", "reportingCurrency", "customerId", "partnerId", "programId", "sourceMarket", "targetMarket")
      VALUES ($1, $2, 'revenue', 'api', 'k1', 'h', '2026-01-31 21:30:00', 900, 'USD', 900, 'USD', $3, $4, $5, 'RU', 'US')`, [`${t}e`, t, `${t}c`, `${t}p`, `${t}g`]);
    return { tenant: t, link: `${t}l` };
  }

  const days = async (tenant: string) => ({
    clicks: await rows(`SELECT to_char("day", 'YYYY-MM-DD') AS d, SUM("clicks")::int AS n FROM "ClickDaily" WHERE "tenantId" = $1 GROUP BY 1 ORDER BY 1`, [tenant]),
    referrals: await rows(`SELECT to_char("day", 'YYYY-MM-DD') AS d, SUM("referrals")::int AS n FROM "FunnelDaily" WHERE "tenantId" = $1 GROUP BY 1 HAVING SUM("referrals") <> 0 ORDER BY 1`, [tenant]),
    funnelClicks: await rows(`SELECT to_char("day", 'YYYY-MM-DD') AS d, SUM("clicks")::int AS n FROM "FunnelDailyProgram" WHERE "tenantId" = $1 GROUP BY 1 HAVING SUM("clicks") <> 0 ORDER BY 1`, [tenant]),
    ltv: await rows(`SELECT to_char("firstSeenDay", 'YYYY-MM-DD') AS d, SUM("customers")::int AS n, SUM("revenueMinor")::int AS revenue FROM "LtvDaily" WHERE "tenantId" = $1 GROUP BY 1 HAVING SUM("customers") <> 0 ORDER BY 1`, [tenant]),
  });

  const snapshot = async (tenant: string) => ({
    clickDaily: await rows(`SELECT (t.*)::text AS r FROM "ClickDaily" t WHERE "tenantId" = $1 ORDER BY 1`, [tenant]),
    funnel: await rows(`SELECT (t.*)::text AS r FROM "FunnelDaily" t WHERE "tenantId" = $1 AND "clicks" + "referrals" + "revenueEvents" + "cohortRevenueEvents" <> 0 ORDER BY 1`, [tenant]),
    program: await rows(`SELECT (t.*)::text AS r FROM "FunnelDailyProgram" t WHERE "tenantId" = $1 AND "clicks" + "referrals" + "revenueEvents" + "cohortRevenueEvents" <> 0 ORDER BY 1`, [tenant]),
    ltv: await rows(`SELECT (t.*)::text AS r FROM "LtvDaily" t WHERE "tenantId" = $1 ORDER BY 1`, [tenant]),
  });

  beforeAll(async () => {
    const scratch = await createScratchDatabase("twoway_localdays");
    drops.push(scratch.drop);
    url = scratch.url;
    const before = mkdtempSync(join(tmpdir(), "twoway-before-localdays-"));
    drops.push(async () => rmSync(before, { recursive: true, force: true }));
    const earlier = readMigrations("prisma/migrations").filter((m) => m.name < MIGRATION);
    for (const m of earlier) cpSync(join("prisma/migrations", m.name), join(before, m.name), { recursive: true });
    expect((await migrate(url, { migrationsDir: before })).applied).toEqual(earlier.map((m) => m.name));
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
    drops.push(() => owner.end());
    ids.ru = await oldAgency("ru", "UTC");
    ids.en = await oldAgency("en", "UTC");
    ids.yek = await oldAgency("ru", "Asia/Yekaterinburg");
  });
  afterAll(async () => {
    for (const drop of drops.reverse()) await drop();
  });

  it("starts from UTC days", async () => {
    expect((await days(ids.ru.tenant)).referrals).toEqual([{ d: "2026-01-10", n: 1 }]);
    expect((await days(ids.ru.tenant)).ltv).toEqual([{ d: "2026-01-31", n: 1, revenue: 900 }]);
  });

  it("moves Russian agencies to Moscow and re-keys their rollups; leaves the others' days alone", async () => {
    const enBefore = await snapshot(ids.en.tenant);
    expect((await migrate(url)).applied[0]).toBe(MIGRATION);
    const zones = await rows(`SELECT "id", "timeZone", "rollupTimeZone" FROM "Tenant" WHERE "id" = ANY($1) ORDER BY "id"`, [[ids.ru.tenant, ids.en.tenant, ids.yek.tenant]]);
    expect(Object.fromEntries(zones.map((z) => [z.id, [z.timeZone, z.rollupTimeZone]]))).toEqual({
      [ids.ru.tenant]: ["Europe/Moscow", "Europe/Moscow"],
      [ids.en.tenant]: ["UTC", "UTC"],
      [ids.yek.tenant]: ["Asia/Yekaterinburg", "Asia/Yekaterinburg"],
    });
    for (const t of [ids.ru.tenant, ids.yek.tenant]) {
      expect(await days(t)).toEqual({
        // The retention-deleted December day stays; January's clicks are split by the local day.
        clicks: [{ d: "2025-12-20", n: 5 }, { d: "2026-01-10", n: 1 }, { d: "2026-01-11", n: 1 }],
        referrals: [{ d: "2026-01-11", n: 1 }],
        funnelClicks: [{ d: "2025-12-20", n: 5 }, { d: "2026-01-10", n: 1 }, { d: "2026-01-11", n: 1 }],
        ltv: [{ d: "2026-02-01", n: 1, revenue: 900 }],
      });
    }
    expect(await snapshot(ids.en.tenant)).toEqual(enBefore);
    expect((await days(ids.en.tenant)).clicks).toEqual([{ d: "2025-12-20", n: 5 }, { d: "2026-01-10", n: 2 }]);
  });

  it("leaves every rollup equal to its rebuild, which changes nothing when run again", async () => {
    for (const t of [ids.ru.tenant, ids.en.tenant, ids.yek.tenant]) {
      const kept = await snapshot(t);
      await owner.query("BEGIN");
      try {
        await owner.query(`SELECT click_daily_rebuild($1)`, [t]);
        await owner.query(`SELECT funnel_daily_rebuild($1)`, [t]);
        await owner.query(`SELECT funnel_program_rebuild($1)`, [t]);
        await owner.query(`SELECT ltv_daily_rebuild($1)`, [t]);
        expect(await snapshot(t)).toEqual(kept);
        await owner.query(`SELECT twoway_rollup_rekey($1)`, [t]);
        expect(await snapshot(t)).toEqual(kept);
      } finally {
        await owner.query("ROLLBACK");
      }
    }
  });
});
