// `npm run bench:funnel` — the funnel dashboard's queries on a synthetic tenant of realistic size
// (5M clicks over 18 months, 300 partners, 1,500 links, 4 programs, 200k referrals, 20k customers,
// 100k revenue/refund events) plus a small second tenant, in a scratch database that is dropped at
// the end. Times each query (p50/p95) against the same numbers computed naively from raw tables
// (COUNT over Click …), checks that both agree, and exits non-zero when they do not or when a
// dashboard query's p95 is over the 150 ms target. The LTV report (read from the LtvDaily rollup)
// is also compared, for several filters, with the raw query it replaced (lib/funnel/ltv-raw.ts),
// which is timed in the naive columns.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/tests/helpers/scratch-db";
import type { FunnelFilter, FunnelScope, FunnelTotals, SeriesPoint, SplitDimension } from "@/lib/funnel/types";

const TARGET_P95_MS = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 10);
const END = "2026-11-01"; // the synthetic "today"; data spans the 540 days before it
const SPAN_DAYS = 540;

type Size = { partners: number; links: number; clicks: number; referrals: number; customers: number; revenueEvents: number };
const BIG: Size = { partners: 300, links: 1500, clicks: 5_000_000, referrals: 200_000, customers: 20_000, revenueEvents: 100_000 };
const SMALL: Size = { partners: 5, links: 10, clicks: 50_000, referrals: 1_000, customers: 200, revenueEvents: 1_000 };

const log = (m: string) => console.log(m);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------- generation (plain SQL, generate_series)

/** Sizes are integers and ids are fixed strings: safe to inline. */
function statements(t: string, s: Size, cur: string): { setup: string[]; clicks: (part: number, parts: number) => string; rest: string[] } {
  const start = `(TIMESTAMP '${END}' - INTERVAL '${SPAN_DAYS} days')`;
  // Linear growth: density ∝ age, most recent days busiest.
  const when = (expr = "random()") => `${start} + sqrt(${expr}) * INTERVAL '${SPAN_DAYS} days'`;
  const links = `(SELECT row_number() OVER (ORDER BY "id") AS n, * FROM "TrackedLink" WHERE "tenantId" = '${t}')`;
  return {
    setup: [
      `INSERT INTO "Tenant" ("id", "slug", "name", "reportingCurrency", "updatedAt") VALUES ('${t}', '${t}', 'Bench ${t}', '${cur}', now())`,
      `INSERT INTO "Program" ("id", "tenantId", "name", "markets", "updatedAt")
        SELECT '${t}_prg' || g, '${t}', 'Program ' || g, ARRAY['US','RU']::"Market"[], now() FROM generate_series(1, 4) g`,
      `INSERT INTO "Partner" ("id", "tenantId", "name", "email", "market", "status", "updatedAt")
        SELECT '${t}_ptn' || g, '${t}', 'Partner ' || g, 'p' || g || '@${t}.test', CASE WHEN g % 2 = 0 THEN 'RU' ELSE 'US' END::"Market",
          'active', now() FROM generate_series(1, ${s.partners}) g`,
      // A partner's links start from their market; two in three point at the other market.
      `INSERT INTO "TrackedLink" ("id", "tenantId", "partnerId", "programId", "code", "destinationUrl", "sourceMarket", "targetMarket", "updatedAt")
        SELECT '${t}_lnk' || lpad(g::text, 5, '0'), '${t}', '${t}_ptn' || (1 + (g - 1) % ${s.partners}), '${t}_prg' || (1 + (g - 1) % 4),
          '${t}' || g, 'https://example.test/', m.src, CASE WHEN g % 3 = 0 THEN m.src ELSE m.other END, now()
        FROM generate_series(1, ${s.links}) g,
        LATERAL (SELECT CASE WHEN (1 + (g - 1) % ${s.partners}) % 2 = 0 THEN 'RU' ELSE 'US' END::"Market" AS src,
                        CASE WHEN (1 + (g - 1) % ${s.partners}) % 2 = 0 THEN 'US' ELSE 'RU' END::"Market" AS other) m`,
    ],
    // Skewed link popularity; ~4% bots, ~6% repeats (pointing at the previous click id).
    clicks: (part, parts) => `INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket",
          "occurredAt", "country", "referrerHost", "device", "visitorHash", "isBot", "repeatOfId")
        SELECT '${t}_k' || g, '${t}', l."id", l."partnerId", l."programId", l."sourceMarket", l."targetMarket", ${when("x.r1")},
          CASE WHEN x.r2 < 0.7 THEN l."targetMarket"::text ELSE l."sourceMarket"::text END,
          (ARRAY['t.me', 'vk.com', 'youtube.com', 'instagram.com', NULL])[1 + (g % 5)],
          CASE WHEN x.r3 < 0.04 THEN 'bot' WHEN x.r2 < 0.6 THEN 'mobile' ELSE 'desktop' END::"DeviceClass",
          md5(g::text), x.r3 < 0.04, CASE WHEN x.r3 >= 0.04 AND x.r3 < 0.10 THEN '${t}_k' || (g - 1) END
        FROM generate_series(${part}, ${s.clicks}, ${parts}) g
        CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, 1 + floor(${s.links} * power(random(), 2))::int AS n
                            WHERE g > 0) x
        JOIN ${links} l ON l.n = x.n`,
    rest: [
      // The redirect writer's aggregation: bots → bots, else repeats → repeats, else clicks.
      `INSERT INTO "ClickDaily" ("tenantId", "day", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks", "repeats", "bots")
        SELECT "tenantId", "occurredAt"::date, "linkId", "partnerId", "programId", "sourceMarket", "targetMarket",
          COUNT(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NULL), COUNT(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NOT NULL),
          COUNT(*) FILTER (WHERE "isBot")
        FROM "Click" WHERE "tenantId" = '${t}' GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      // Status mix: 2% draft, 20% submitted, 10% in review, 13% qualified, 8% negotiating, 15% won, 16% lost, 16% rejected.
      `INSERT INTO "Referral" ("id", "tenantId", "programId", "partnerId", "kind", "subjectName", "sourceMarket", "targetMarket", "status",
          "submittedAt", "qualifiedAt", "closedAt", "updatedAt")
        SELECT '${t}_ref' || g, '${t}', l."programId", l."partnerId", 'brand', 'Subject ' || g, l."sourceMarket", l."targetMarket", st.status::"ReferralStatus",
          CASE WHEN st.status = 'draft' THEN NULL ELSE sub END,
          CASE WHEN st.status IN ('qualified', 'in_negotiation', 'won') OR (st.status = 'lost' AND g % 2 = 0)
            THEN LEAST(sub + (1 + x.r2 * 20) * INTERVAL '1 day', TIMESTAMP '${END}' - INTERVAL '1 hour') END,
          CASE WHEN st.status IN ('won', 'lost') THEN LEAST(sub + (6 + x.r2 * 60) * INTERVAL '1 day', TIMESTAMP '${END}' - INTERVAL '1 minute') END,
          now()
        FROM generate_series(1, ${s.referrals}) g
        CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, 1 + floor(${s.links} * random())::int AS n WHERE g > 0) x
        JOIN ${links} l ON l.n = x.n
        CROSS JOIN LATERAL (SELECT ${when("x.r1")} AS sub,
          CASE WHEN x.r3 < 0.02 THEN 'draft' WHEN x.r3 < 0.22 THEN 'submitted' WHEN x.r3 < 0.32 THEN 'in_review' WHEN x.r3 < 0.45 THEN 'qualified'
               WHEN x.r3 < 0.53 THEN 'in_negotiation' WHEN x.r3 < 0.68 THEN 'won' WHEN x.r3 < 0.84 THEN 'lost' ELSE 'rejected' END AS status) st`,
      // 60% of customers come from won referrals (first seen at the close), the rest are direct.
      `INSERT INTO "Customer" ("id", "tenantId", "externalId", "name", "source", "referralId", "partnerId", "programId", "sourceMarket", "targetMarket",
          "firstSeenAt", "updatedAt")
        SELECT '${t}_cus' || row_number() OVER (ORDER BY r."id"), '${t}', 'ext-' || r."id", r."subjectName", 'referral', r."id", r."partnerId", r."programId",
          r."sourceMarket", r."targetMarket", r."closedAt", now()
        FROM "Referral" r WHERE r."tenantId" = '${t}' AND r."status" = 'won' ORDER BY r."id" LIMIT ${Math.round(s.customers * 0.6)}`,
      `INSERT INTO "Customer" ("id", "tenantId", "externalId", "name", "source", "sourceMarket", "targetMarket", "firstSeenAt", "updatedAt")
        SELECT '${t}_dir' || g, '${t}', 'dir-' || g, 'Direct ' || g, 'direct',
          CASE WHEN g % 4 = 0 THEN NULL ELSE (ARRAY['US','RU','US'])[1 + g % 3]::"Market" END,
          CASE WHEN g % 4 = 0 THEN NULL ELSE (ARRAY['US','RU','RU'])[1 + (g / 3) % 3]::"Market" END,
          ${when()}, now()
        FROM generate_series(1, ${s.customers - Math.round(s.customers * 0.6)}) g`,
      // Revenue (92%) and refunds (8%) after the customer appeared, USD or RUB by target market; 0.5% without a rate.
      `INSERT INTO "ConversionEvent" ("id", "tenantId", "type", "source", "idempotencyKey", "payloadHash", "occurredAt", "amountMinor", "currency",
          "reportingAmountMinor", "reportingCurrency", "customerId", "externalCustomerId", "referralId", "partnerId", "programId", "sourceMarket", "targetMarket")
        SELECT '${t}_ev' || g, '${t}', CASE WHEN x.r1 < 0.08 THEN 'refund' ELSE 'revenue' END::"ConversionType", 'api', 'k' || g, 'h',
          c."firstSeenAt" + x.r2 * (TIMESTAMP '${END}' - c."firstSeenAt"),
          x.amount, CASE WHEN c."targetMarket" = 'RU' THEN 'RUB' ELSE 'USD' END,
          CASE WHEN x.r3 < 0.005 THEN NULL WHEN c."targetMarket" = 'RU' THEN x.amount / 90 ELSE x.amount END,
          CASE WHEN x.r3 < 0.005 THEN NULL ELSE '${cur}' END,
          c."id", c."externalId", c."referralId", c."partnerId", c."programId", c."sourceMarket", c."targetMarket"
        FROM generate_series(1, ${s.revenueEvents}) g
        CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, (1000 + floor(random() * 500000))::bigint AS amount,
                                   1 + floor(random() * ${s.customers})::int AS n WHERE g > 0) x
        JOIN (SELECT row_number() OVER (ORDER BY "id") AS n, * FROM "Customer" WHERE "tenantId" = '${t}') c ON c.n = x.n`,
      // API leads and closes without a referral (5% of the revenue volume each way).
      `INSERT INTO "ConversionEvent" ("id", "tenantId", "type", "source", "idempotencyKey", "payloadHash", "occurredAt", "partnerId", "programId",
          "sourceMarket", "targetMarket")
        SELECT '${t}_lc' || g, '${t}', CASE WHEN g % 5 = 0 THEN 'close' ELSE 'lead' END::"ConversionType", 'api', 'lc' || g, 'h', ${when("x.r1")},
          l."partnerId", l."programId", l."sourceMarket", l."targetMarket"
        FROM generate_series(1, ${Math.round(s.revenueEvents / 10)}) g
        CROSS JOIN LATERAL (SELECT random() AS r1, 1 + floor(${s.links} * random())::int AS n WHERE g > 0) x
        JOIN ${links} l ON l.n = x.n`,
    ],
  };
}

async function generate(url: string) {
  const clients = await Promise.all([0, 1].map(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("SET synchronous_commit = off");
    await c.query("SET maintenance_work_mem = '256MB'");
    await c.query("SET work_mem = '128MB'");
    // Rows are consistent by construction: skip per-row foreign-key triggers during the bulk load.
    await c.query("SET session_replication_role = replica");
    return c;
  }));
  const [c] = clients;
  try {
    // Secondary indexes of Click are dropped for the bulk load and rebuilt after (the same definitions).
    const { rows: idx } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Click' AND indexname <> 'Click_pkey'`);
    for (const i of idx) await c.query(`DROP INDEX "${i.indexname}"`);
    // "Click" is partitioned by month: the data's months get their partitions first (as the daily
    // job would have made them), else every row lands in the default partition.
    await c.query(`SELECT twoway_click_partition_ensure(m) FROM generate_series(date_trunc('month', TIMESTAMP '${END}' - INTERVAL '${SPAN_DAYS} days'), TIMESTAMP '${END}', INTERVAL '1 month') m`);
    for (const [t, size, cur] of [["bench_a", BIG, "USD"], ["bench_b", SMALL, "RUB"]] as const) {
      const st = statements(t, size, cur);
      let t0 = performance.now();
      for (const q of st.setup) await c.query(q);
      await Promise.all(clients.map((client, i) => client.query(st.clicks(i + 1, clients.length))));
      log(`  ${t}: ${size.clicks.toLocaleString("en")} clicks in ${secs(t0)}`);
      t0 = performance.now();
      if (t === "bench_a") {
        // A partitioned table's index definition reads "ON ONLY" (parent alone); rebuild it on every partition.
        await Promise.all(idx.map((i, n) => clients[n % clients.length].query(i.indexdef.replace(" ON ONLY ", " ON "))));
        log(`  Click indexes rebuilt in ${secs(t0)}`);
        t0 = performance.now();
      }
      for (const q of st.rest) await c.query(q);
      log(`  ${t}: ClickDaily, referrals, customers, events in ${secs(t0)}`);
      if (t === "bench_b") continue;
    }
    // Triggers are off during the bulk load (replica role): build the stage rollup in one pass, as a
    // repair would, then VACUUM so the index-only scans see an all-visible heap.
    const tr = performance.now();
    await Promise.all(["bench_a", "bench_b"].map((t, i) => clients[i].query("SELECT funnel_daily_rebuild($1)", [t])));
    await Promise.all(["bench_a", "bench_b"].map((t, i) => clients[i].query("SELECT funnel_program_rebuild($1)", [t])));
    await Promise.all(["bench_a", "bench_b"].map((t, i) => clients[i].query("SELECT ltv_daily_rebuild($1)", [t])));
    log(`  FunnelDaily, FunnelDailyProgram and LtvDaily rebuilt in ${secs(tr)}`);
    const t0 = performance.now();
    await c.query("VACUUM ANALYZE");
    log(`  VACUUM ANALYZE in ${secs(t0)}`);
    const { rows } = await c.query(`SELECT
      (SELECT COUNT(*) FROM "Click") clicks, (SELECT COUNT(*) FROM "ClickDaily") daily, (SELECT COUNT(*) FROM "Referral") referrals,
      (SELECT COUNT(*) FROM "Customer") customers, (SELECT COUNT(*) FROM "ConversionEvent") events`);
    log(`  rows: ${JSON.stringify(rows[0])}`);
  } finally {
    await Promise.all(clients.map((x) => x.end()));
  }
}

// ---------------------------------------------------------------- naive: the same numbers from raw tables

const naiveKey: Record<"none" | "day" | SplitDimension, (a: string, at: string) => string> = {
  none: () => `''`,
  day: (_a, at) => `to_char(${at}, 'YYYY-MM-DD')`,
  program: (a) => `${a}."programId"`,
  partner: (a) => `${a}."partnerId"`,
  marketPair: (a) => `(${a}."sourceMarket"::text || '>' || ${a}."targetMarket"::text)`,
  crossMarket: (a) => `CASE WHEN ${a}."sourceMarket" IS NULL OR ${a}."targetMarket" IS NULL THEN NULL WHEN ${a}."sourceMarket" <> ${a}."targetMarket" THEN 'cross' ELSE 'single' END`,
};

type NaiveRow = { key: string | null; clicks: string; referrals: string; qualified: string; closes: string; revenue: string; rev_events: string; missing: string };

/** Row by row from Click, Referral, Customer and ConversionEvent; written apart from lib/funnel on purpose. */
function naiveSql(scope: FunnelScope, f: FunnelFilter, group: keyof typeof naiveKey): { text: string; values: unknown[] } {
  const k = naiveKey[group];
  const from = f.from.toISOString();
  const to = f.to.toISOString();
  const inR = (c: string) => `${c} >= $2::timestamp AND ${c} < $3::timestamp`;
  const money = `e."type" IN ('revenue', 'refund')`;
  const counted = `e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" = $4`;
  const net = `CASE WHEN NOT (${counted}) THEN 0 WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END`;
  const parts = [
    `SELECT ${k("k", 'k."occurredAt"')} AS key, 1 AS clicks, 0 AS referrals, 0 AS qualified, 0 AS closes, 0::bigint AS revenue, 0 AS rev_events, 0 AS missing
       FROM "Click" k WHERE k."tenantId" = $1 AND ${inR('k."occurredAt"')} AND NOT k."isBot" AND k."repeatOfId" IS NULL`,
  ];
  if (f.basis === "period") {
    parts.push(
      `SELECT ${k("r", 'r."submittedAt"')}, 0, 1, 0, 0, 0, 0, 0 FROM "Referral" r WHERE r."tenantId" = $1 AND r."status" <> 'draft' AND ${inR('r."submittedAt"')}`,
      `SELECT ${k("r", 'r."qualifiedAt"')}, 0, 0, 1, 0, 0, 0, 0 FROM "Referral" r WHERE r."tenantId" = $1 AND ${inR('r."qualifiedAt"')}`,
      `SELECT ${k("r", 'r."closedAt"')}, 0, 0, 0, 1, 0, 0, 0 FROM "Referral" r WHERE r."tenantId" = $1 AND r."status" = 'won' AND ${inR('r."closedAt"')}`,
      `SELECT ${k("e", 'e."occurredAt"')}, 0, 0, (e."type" = 'lead')::int, (e."type" = 'close')::int, 0, 0, 0 FROM "ConversionEvent" e
         WHERE e."tenantId" = $1 AND e."type" IN ('lead', 'close') AND e."referralId" IS NULL AND ${inR('e."occurredAt"')}`,
      `SELECT ${k("e", 'e."occurredAt"')}, 0, 0, 0, 0, ${net}, (${counted})::int, (NOT (${counted}))::int FROM "ConversionEvent" e
         WHERE e."tenantId" = $1 AND ${money} AND ${inR('e."occurredAt"')}`,
    );
  } else {
    parts.push(
      `SELECT ${k("r", 'r."submittedAt"')}, 0, 1, (r."qualifiedAt" IS NOT NULL)::int, (r."status" = 'won')::int, 0, 0, 0
         FROM "Referral" r WHERE r."tenantId" = $1 AND r."status" <> 'draft' AND ${inR('r."submittedAt"')}`,
      `SELECT ${k("r", 'r."submittedAt"')}, 0, 0, 0, 0, ${net}, (${counted})::int, (NOT (${counted}))::int
         FROM "ConversionEvent" e JOIN "Customer" c ON c."id" = e."customerId" JOIN "Referral" r ON r."id" = c."referralId"
         WHERE r."tenantId" = $1 AND r."status" <> 'draft' AND ${inR('r."submittedAt"')} AND ${money}`,
    );
  }
  return {
    text: `SELECT key, SUM(clicks) clicks, SUM(referrals) referrals, SUM(qualified) qualified, SUM(closes) closes, SUM(revenue) revenue,
      SUM(rev_events) rev_events, SUM(missing) missing FROM (${parts.join(" UNION ALL ")}) s GROUP BY key`,
    values: [scope.tenantId, from, to, scope.reportingCurrency],
  };
}

const naiveTotals = (r: NaiveRow) =>
  [r.clicks, r.referrals, r.qualified, r.closes, r.revenue, r.rev_events, r.missing].map((x) => String(BigInt(x ?? 0))).join("/");
const ourTotals = (t: FunnelTotals) =>
  [t.clicks, t.referrals, t.qualified, t.closes, t.revenue.minor, t.revenueEvents, t.missingFxEvents].map(String).join("/");

const ltvJson = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? String(v) : v));

// ---------------------------------------------------------------- timing

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ p50: number; p95: number; result: T }> {
  let result = await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95), result };
}

async function main() {
  const started = performance.now();
  // BENCH_DB_URL reuses a database generated by an earlier run with BENCH_KEEP_DB=1 (for tuning).
  const reuse = process.env.BENCH_DB_URL;
  const db = reuse ? { name: new URL(reuse).pathname.slice(1), url: reuse, drop: async () => {} } : await createScratchDatabase("twoway_bench");
  const keep = Boolean(reuse) || process.env.BENCH_KEEP_DB === "1";
  let failed = false;
  try {
    process.env.DATABASE_URL = db.url; // lib/db/client connects on first use
    if (!reuse) {
      await migrate(db.url);
      log(`Scratch database ${db.name}. Generating…`);
      const g0 = performance.now();
      await generate(db.url);
      log(`Generation: ${secs(g0)}\n`);
    }

    const q = await import("@/lib/funnel/queries");
    const { getLtvReportFromRaw } = await import("@/lib/funnel/ltv-raw");
    const scope = q.trustedFunnelScope("bench_a", "USD");
    const to = new Date(`${END}T00:00:00Z`);
    const from = new Date(to.getTime() - 90 * 86_400_000);
    const period: FunnelFilter = { from, to, basis: "period" };
    const cohort: FunnelFilter = { from, to, basis: "cohort" };
    const naive = new pg.Pool({ connectionString: db.url, max: 2 });

    type Case = {
      name: string; run: () => Promise<unknown>; naive?: { filter: FunnelFilter; group: keyof typeof naiveKey };
      /** Compared whole with the result of `run` (the LTV report against its raw-table oracle). */
      oracle?: () => Promise<unknown>;
    };
    const dims: SplitDimension[] = ["marketPair", "crossMarket", "program", "partner"];
    const cases: Case[] = [
      { name: "summary (period)", run: () => q.getFunnelSummary(scope, period), naive: { filter: period, group: "none" } },
      { name: "summary (cohort)", run: () => q.getFunnelSummary(scope, cohort), naive: { filter: cohort, group: "none" } },
      ...dims.map((d) => ({ name: `split ${d}`, run: () => q.getFunnelSplit(scope, period, d), naive: { filter: period, group: d } })),
      { name: "split partner (cohort)", run: () => q.getFunnelSplit(scope, cohort, "partner"), naive: { filter: cohort, group: "partner" as const } },
      { name: "series (90 days)", run: () => q.getFunnelSeries(scope, period), naive: { filter: period, group: "day" } },
      { name: "leaderboard (top 20)", run: () => q.getLeaderboard(scope, period, { limit: 20 }) },
      { name: "LTV report", run: () => q.getLtvReport(scope, period), oracle: () => getLtvReportFromRaw(scope, period) },
      { name: "partner scope summary", run: () => q.getFunnelSummary(q.trustedFunnelScope("bench_a", "USD", "bench_a_ptn1"), period) },
      { name: "drill-down clicks p1", run: () => q.listClickRows(scope, period, { page: 1, pageSize: 50 }) },
      {
        name: "FULL DASHBOARD LOAD",
        run: () => Promise.all([
          q.getFunnelSummary(scope, period), q.getFunnelSeries(scope, period), q.getFunnelSplit(scope, period, "marketPair"),
          q.getLeaderboard(scope, period, { limit: 20 }), q.getLtvReport(scope, period),
        ]),
      },
    ];

    log(`Window ${from.toISOString().slice(0, 10)} … ${to.toISOString().slice(0, 10)} (90 days), ${RUNS} runs (naive ${NAIVE_RUNS}), ms:`);
    log(`${"query".padEnd(26)} ${"p50".padStart(8)} ${"p95".padStart(8)}   ${"naive p50".padStart(10)} ${"naive p95".padStart(10)}  agree`);
    for (const c of cases) {
      const ours = await time(RUNS, c.run);
      let naiveCols = "".padStart(21);
      let agree = "";
      if (c.naive) {
        const sql = naiveSql(scope, c.naive.filter, c.naive.group);
        const n = await time(NAIVE_RUNS, () => naive.query<NaiveRow>(sql.text, sql.values));
        naiveCols = `${n.p50.toFixed(1).padStart(10)} ${n.p95.toFixed(1).padStart(10)}`;
        // Series points carry no event counts, so a series compares the first five numbers only.
        const width = c.naive.group === "day" ? 5 : 7;
        const cut = (v: string) => v.split("/").slice(0, width).join("/");
        const expected = new Map(n.result.rows.map((r) => [r.key ?? "none", cut(naiveTotals(r))]));
        const got = new Map<string, string>();
        const res = ours.result as { totals: FunnelTotals } | { key: string; totals: FunnelTotals }[] | SeriesPoint[];
        if (!Array.isArray(res)) got.set("", ourTotals(res.totals));
        else for (const r of res) {
          if ("totals" in r) got.set(r.key, ourTotals(r.totals));
          else if (r.clicks || r.referrals || r.qualified || r.closes || r.revenueMinor) got.set(r.day, [r.clicks, r.referrals, r.qualified, r.closes, r.revenueMinor].join("/"));
        }
        const mismatches = [...new Set([...expected.keys(), ...got.keys()])].filter((key) => expected.get(key) !== got.get(key));
        agree = mismatches.length ? `NO (${mismatches.length} keys, e.g. ${mismatches[0]}: ${got.get(mismatches[0])} vs naive ${expected.get(mismatches[0])})` : `yes (${expected.size} rows)`;
        if (mismatches.length) failed = true;
      }
      if (c.oracle) {
        const n = await time(NAIVE_RUNS, c.oracle);
        naiveCols = `${n.p50.toFixed(1).padStart(10)} ${n.p95.toFixed(1).padStart(10)}`;
        const same = ltvJson(ours.result) === ltvJson(n.result);
        agree = same ? "yes (raw query)" : "NO (vs the raw query)";
        if (!same) failed = true;
      }
      const slow = ours.p95 > TARGET_P95_MS && c.name !== "FULL DASHBOARD LOAD" ? "  > target" : "";
      if (slow) failed = true;
      log(`${c.name.padEnd(26)} ${ours.p50.toFixed(1).padStart(8)} ${ours.p95.toFixed(1).padStart(8)}   ${naiveCols}  ${agree}${slow}`);
      if (c.name === "summary (period)") {
        const s = ours.result as Awaited<ReturnType<typeof q.getFunnelSummary>>;
        log(`${"".padEnd(26)} totals ${ourTotals(s.totals)} (clicks/referrals/qualified/closes/revenue/events/missing)`);
      }
    }
    // LTV against a row-by-row computation.
    const ltv = await q.getLtvReport(scope, period);
    const { rows: naiveLtv } = await naive.query<{ source: string; customers: string; total: string; missing: string }>(
      `SELECT c."source"::text AS source, COUNT(*) customers, COALESCE(SUM(x.total), 0) total, COALESCE(SUM(x.missing), 0) missing
       FROM "Customer" c LEFT JOIN LATERAL (
         SELECT SUM(CASE WHEN e."reportingAmountMinor" IS NULL OR e."reportingCurrency" <> 'USD' THEN 0 WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END) total,
                COUNT(*) FILTER (WHERE e."reportingAmountMinor" IS NULL OR e."reportingCurrency" <> 'USD') missing
         FROM "ConversionEvent" e WHERE e."customerId" = c."id" AND e."type" IN ('revenue', 'refund')) x ON TRUE
       WHERE c."tenantId" = $1 AND c."firstSeenAt" >= $2::timestamp AND c."firstSeenAt" < $3::timestamp GROUP BY 1`,
      ["bench_a", from.toISOString(), to.toISOString()]);
    for (const r of naiveLtv) {
      const ours = ltv[r.source as "referral" | "direct"];
      const ok = ours.customers === Number(r.customers) && ours.totalMinor === BigInt(r.total) && ours.missingFxEvents === Number(r.missing);
      log(`LTV ${r.source.padEnd(8)} customers ${ours.customers}, total ${ours.totalMinor}, missing ${ours.missingFxEvents}: ${ok ? "agrees" : `NO (naive ${JSON.stringify(r)})`}`);
      if (!ok) failed = true;
    }
    // The rollup against the raw query (lib/funnel/ltv-raw.ts) for the filters the dashboard offers.
    const ltvCases: [string, FunnelScope, FunnelFilter][] = [
      ["whole span", scope, { from: new Date(to.getTime() - SPAN_DAYS * 86_400_000), to, basis: "period" }],
      ["partner", scope, { ...period, partnerId: "bench_a_ptn7" }],
      ["program", scope, { ...period, programId: "bench_a_prg2" }],
      ["market pair", scope, { ...period, marketPair: "US>RU" }],
      ["cross-market", scope, { ...period, crossMarket: "cross" }],
      ["no markets", scope, { ...period, without: "markets" }],
      ["no partner", scope, { ...period, without: "partner" }],
      ["RUB reporting", q.trustedFunnelScope("bench_a", "RUB"), period],
      ["partner scope", q.trustedFunnelScope("bench_a", "USD", "bench_a_ptn2"), cohort],
      ["tenant B", q.trustedFunnelScope("bench_b", "RUB"), period],
    ];
    for (const [name, s, f] of ltvCases) {
      const [ours, raw] = await Promise.all([q.getLtvReport(s, f), getLtvReportFromRaw(s, f)]);
      const ok = ltvJson(ours) === ltvJson(raw);
      log(`LTV ${name.padEnd(14)} ${ours.referral.customers + ours.direct.customers} customers: ${ok ? "rollup = raw query" : `NO\n  rollup ${ltvJson(ours)}\n  raw    ${ltvJson(raw)}`}`);
      if (!ok) failed = true;
    }
    // Tenant isolation on the big data: B's scope never sees A's clicks.
    const b = await q.getFunnelSummary(q.trustedFunnelScope("bench_b", "RUB"), period);
    log(`tenant B (small) summary clicks ${b.totals.clicks}, referrals ${b.totals.referrals}`);
    await naive.end();
  } finally {
    if (keep) log(`Kept database ${db.url}`);
    else await db.drop();
    log(`\nTotal run time: ${secs(started)}${failed ? " — FAILED (disagreement or p95 over target)" : ""}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
