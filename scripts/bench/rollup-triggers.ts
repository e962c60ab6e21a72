// `npx tsx scripts/bench/rollup-triggers.ts` — what the local-day rollups (migration
// 20261206181000_rollups_local_days: the tenant's zone read and its rollup lock taken in every
// trigger) cost the writes that fire them, against the UTC-day triggers before it. Two scratch
// databases, one migrated up to the migration before, one to the newest; the same statements on
// each, alternating, ROUNDS times; the median per statement is printed. Tenant zone: Europe/Moscow
// on the new schema (UTC on the old one, which knows no zone).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/tests/helpers/scratch-db";

const MIGRATION = "20261206181000_rollups_local_days";
const N = Number(process.env.BENCH_ROWS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const STEPS: [string, (round: number) => string][] = [
  ["insert referrals (submitted)", (r) => `INSERT INTO "Referral" ("id", "tenantId", "programId", "partnerId", "kind", "subjectName", "sourceMarket", "targetMarket", "status", "submittedAt", "updatedAt")
    SELECT 'r${r}_' || g, 'bt', 'bt_g', 'bt_p', 'brand', 'S', 'RU', 'US', 'submitted', TIMESTAMP '2026-01-01' + g * INTERVAL '7 minutes', now() FROM generate_series(1, ${N}) g`],
  ["qualify + win them (UPDATE)", (r) => `UPDATE "Referral" SET "status" = 'won', "qualifiedAt" = "submittedAt" + INTERVAL '1 day', "closedAt" = "submittedAt" + INTERVAL '2 days' WHERE "id" LIKE 'r${r}\\_%'`],
  ["insert customers", (r) => `INSERT INTO "Customer" ("id", "tenantId", "source", "referralId", "partnerId", "programId", "sourceMarket", "targetMarket", "firstSeenAt", "updatedAt")
    SELECT 'c${r}_' || g, 'bt', 'referral', 'r${r}_' || g, 'bt_p', 'bt_g', 'RU', 'US', TIMESTAMP '2026-01-01' + g * INTERVAL '7 minutes', now() FROM generate_series(1, ${N}) g`],
  ["insert revenue events", (r) => `INSERT INTO "ConversionEvent" ("id", "tenantId", "type", "source", "idempotencyKey", "payloadHash", "occurredAt", "amountMinor", "currency", "reportingAmountMinor", "reportingCurrency", "customerId", "partnerId", "programId", "sourceMarket", "targetMarket")
    SELECT 'e${r}_' || g, 'bt', 'revenue', 'api', 'k${r}_' || g, 'h', TIMESTAMP '2026-01-01' + g * INTERVAL '7 minutes', 100, 'USD', 100, 'USD', 'c${r}_' || g, 'bt_p', 'bt_g', 'RU', 'US' FROM generate_series(1, ${N}) g`],
  ["ClickDaily upserts (clicks)", (r) => `INSERT INTO "ClickDaily" ("tenantId", "day", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks")
    SELECT 'bt', DATE '2020-01-01' + g + ${r} * ${N}, 'bt_l', 'bt_p', 'bt_g', 'RU', 'US', 3 FROM generate_series(1, ${N}) g`],
  ["funnel_daily_rebuild + ltv_daily_rebuild", () => `SELECT funnel_daily_rebuild('bt'), ltv_daily_rebuild('bt')`],
  ["delete events, customers, referrals", (r) => `WITH e AS (DELETE FROM "ConversionEvent" WHERE "id" LIKE 'e${r}\\_%' RETURNING 1), c AS (DELETE FROM "Customer" WHERE "id" LIKE 'c${r}\\_%' RETURNING 1)
    SELECT (SELECT count(*) FROM e) + (SELECT count(*) FROM c)`],
];

async function setup(url: string, zone: string | null) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`INSERT INTO "Tenant" ("id", "slug", "name", "updatedAt") VALUES ('bt', 'bt', 'Bench', now())`);
  if (zone) await c.query(`UPDATE "Tenant" SET "timeZone" = $1, "rollupTimeZone" = $1 WHERE "id" = 'bt'`, [zone]);
  await c.query(`INSERT INTO "Partner" ("id", "tenantId", "name", "email", "market", "status", "updatedAt") VALUES ('bt_p', 'bt', 'P', 'p@b.test', 'RU', 'active', now())`);
  await c.query(`INSERT INTO "Program" ("id", "tenantId", "name", "markets", "updatedAt") VALUES ('bt_g', 'bt', 'G', ARRAY['US','RU']::"Market"[], now())`);
  await c.query(`INSERT INTO "TrackedLink" ("id", "tenantId", "partnerId", "programId", "code", "destinationUrl", "sourceMarket", "targetMarket", "updatedAt")
    VALUES ('bt_l', 'bt', 'bt_p', 'bt_g', 'btl', 'https://example.test/', 'RU', 'US', now())`);
  return c;
}

async function main() {
  const before = mkdtempSync(join(tmpdir(), "twoway-bench-triggers-"));
  const earlier = readMigrations("prisma/migrations").filter((m) => m.name < MIGRATION);
  for (const m of earlier) cpSync(join("prisma/migrations", m.name), join(before, m.name), { recursive: true });
  const dbs = [await createScratchDatabase("twoway_bench_trg"), await createScratchDatabase("twoway_bench_trg")];
  try {
    await migrate(dbs[0].url, { migrationsDir: before });
    await migrate(dbs[1].url);
    const clients = [await setup(dbs[0].url, null), await setup(dbs[1].url, "Europe/Moscow")];
    const times: number[][][] = STEPS.map(() => [[], []]);
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh statistics and plans for both sides (the trigger functions' cached plans included).
      await Promise.all(clients.map(async (c) => {
        await c.query("ANALYZE");
        await c.query("DISCARD PLANS");
      }));
      for (const [s, [, statement]] of STEPS.entries()) {
        for (const side of round % 2 ? [1, 0] : [0, 1]) {
          const t0 = performance.now();
          await clients[side].query(statement(round));
          times[s][side].push(performance.now() - t0);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`${N} rows per statement, median of ${ROUNDS} rounds, ms:`);
    console.log(`${"statement".padEnd(38)}${"UTC days".padStart(10)}${"local days".padStart(12)}${"change".padStart(9)}`);
    for (const [s, [name]] of STEPS.entries()) {
      const [old, now] = [median(times[s][0]), median(times[s][1])];
      console.log(`${name.padEnd(38)}${old.toFixed(0).padStart(10)}${now.toFixed(0).padStart(12)}${`${(((now - old) / old) * 100).toFixed(0)}%`.padStart(9)}`);
    }
    // The two schemas must agree on the totals (only the days differ).
    const totals = `SELECT (SELECT SUM("referrals") FROM "FunnelDaily")::text || '/' || (SELECT SUM("clicks") FROM "FunnelDaily")::text || '/' || (SELECT SUM("revenueMinor") FROM "LtvDaily")::text AS t`;
    const [a, b] = await Promise.all(clients.map((c) => c.query<{ t: string }>(totals)));
    console.log(`totals (referrals/clicks/LTV revenue): ${a.rows[0].t} vs ${b.rows[0].t}`);
    await Promise.all(clients.map((c) => c.end()));
  } finally {
    for (const db of dbs) await db.drop();
    rmSync(before, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
