// `npm run bench:payouts` — a 10,000-commission payout run, end to end, in a scratch database that is
// dropped at the end: 500 partners (200 US on Stripe Connect through the local stand-in, 200 RU on
// the RUB bank registry, 100 on the manual rail), 20 approved commissions each (a quarter of the RU
// partners' earned in USD, so the run converts them with the stored rate), everyone cleared by the
// tax and sanctions gates. Times: plan (preview), create (claims every commission), approve, execute
// (Stripe transfers + webhook-free), registry export (CSV and XLSX) and statement reconciliation.
// Then checks the money: every commission in exactly one payout, payouts add up to the commissions.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/tests/helpers/scratch-db";

const PARTNERS = { stripe: 200, registry: 200, manual: 100 };
const PER_PARTNER = Number(process.env.BENCH_PER_PARTNER ?? 20);
const log = (m: string) => console.log(m);
const ms = (t0: number) => Math.round(performance.now() - t0);

function setupSql(t: string): string[] {
  const total = PARTNERS.stripe + PARTNERS.registry + PARTNERS.manual;
  // Partner g: 1..200 stripe (US), 201..400 registry (RU), 401..500 manual (US).
  const rail = (g: string) => `CASE WHEN ${g} <= ${PARTNERS.stripe} THEN 'stripe' WHEN ${g} <= ${PARTNERS.stripe + PARTNERS.registry} THEN 'registry' ELSE 'manual' END`;
  const isRu = (g: string) => `(${g} > ${PARTNERS.stripe} AND ${g} <= ${PARTNERS.stripe + PARTNERS.registry})`;
  return [
    `INSERT INTO "Tenant" ("id", "slug", "name", "reportingCurrency", "updatedAt") VALUES ('${t}', '${t}', 'Bench ${t}', 'USD', now())`,
    `INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('${t}_owner', 'owner@${t}.test', 'Owner', now())`,
    `INSERT INTO "Membership" ("id", "tenantId", "userId", "role") VALUES ('${t}_m', '${t}', '${t}_owner', 'owner')`,
    `INSERT INTO "Program" ("id", "tenantId", "name", "markets", "updatedAt") VALUES ('${t}_prg', '${t}', 'Bench', ARRAY['US','RU']::"Market"[], now())`,
    `INSERT INTO "CommissionRule" ("id", "tenantId", "programId", "name", "basis", "amountMinor", "currency", "holdDays", "updatedAt")
      VALUES ('${t}_rule', '${t}', '${t}_prg', 'Bench bounty', 'close_bounty', 10000, 'USD', 0, now())`,
    `INSERT INTO "Partner" ("id", "tenantId", "name", "email", "market", "country", "status", "updatedAt")
      SELECT '${t}_p' || g, '${t}', CASE WHEN ${isRu("g")} THEN 'Партнёр ' ELSE 'Partner ' END || g, 'p' || g || '@${t}.test',
        CASE WHEN ${isRu("g")} THEN 'RU' ELSE 'US' END::"Market", CASE WHEN ${isRu("g")} THEN 'RU' ELSE 'US' END, 'active', now()
      FROM generate_series(1, ${total}) g`,
    `INSERT INTO "PayoutMethod" ("id", "tenantId", "partnerId", "rail", "currency", "stripeAccountId", "stripeDetailsSubmitted", "stripePayoutsEnabled",
        "payeeName", "inn", "bankName", "bic", "accountNumber", "corrAccount", "details", "updatedAt")
      SELECT '${t}_pm' || g, '${t}', '${t}_p' || g, (${rail("g")})::"PayoutRail", CASE WHEN ${isRu("g")} THEN 'RUB' ELSE 'USD' END,
        CASE WHEN g <= ${PARTNERS.stripe} THEN 'acct_bench' || g END, g <= ${PARTNERS.stripe}, g <= ${PARTNERS.stripe},
        CASE WHEN ${isRu("g")} THEN 'Партнёр ' || g END, CASE WHEN ${isRu("g")} THEN '500100732259' END, CASE WHEN ${isRu("g")} THEN 'ПАО Сбербанк' END,
        CASE WHEN ${isRu("g")} THEN '044525225' END, CASE WHEN ${isRu("g")} THEN lpad(g::text, 20, '4') END, CASE WHEN ${isRu("g")} THEN '30101810400000000225' END,
        CASE WHEN g > ${PARTNERS.stripe + PARTNERS.registry} THEN 'Wise, account ' || g END, now()
      FROM generate_series(1, ${total}) g`,
    `INSERT INTO "TaxProfile" ("id", "tenantId", "partnerId", "form", "legalName", "tinLast4", "inn", "country", "selfEmployedCheckedOn", "updatedAt")
      SELECT '${t}_tp' || g, '${t}', '${t}_p' || g, CASE WHEN ${isRu("g")} THEN 'ru_self_employed' ELSE 'us_w9' END::"TaxForm", 'Partner ' || g,
        CASE WHEN ${isRu("g")} THEN NULL ELSE '1234' END, CASE WHEN ${isRu("g")} THEN '500100732259' END, CASE WHEN ${isRu("g")} THEN 'RU' ELSE 'US' END,
        CASE WHEN ${isRu("g")} THEN CURRENT_DATE END, now()
      FROM generate_series(1, ${total}) g`,
    `INSERT INTO "SanctionsList" ("id", "tenantId", "source", "fileName", "entryCount", "createdAt") VALUES ('${t}_sdn', '${t}', 'OFAC-SDN', 'sdn.csv', 0, now() - INTERVAL '1 day')`,
    `INSERT INTO "Screening" ("id", "tenantId", "partnerId", "listId", "status", "reason", "createdAt")
      SELECT '${t}_s' || g, '${t}', '${t}_p' || g, '${t}_sdn', 'clear', 'no_match', now() FROM generate_series(1, ${total}) g`,
    `INSERT INTO "FxRate" ("id", "tenantId", "day", "base", "quote", "rate", "source")
      SELECT '${t}_fx' || d, '${t}', CURRENT_DATE - d, 'USD', 'RUB', 81.5 + d / 10.0, 'cbr' FROM generate_series(0, 6) d`,
    // 20 approved commissions per partner; RU partners earn in RUB except every fourth row in USD.
    `INSERT INTO "Commission" ("id", "tenantId", "partnerId", "programId", "ruleId", "eventId", "kind", "status", "amountMinor", "currency",
        "occurredAt", "dueAt", "approvedAt", "updatedAt")
      SELECT '${t}_c' || p || '_' || k, '${t}', '${t}_p' || p, '${t}_prg', '${t}_rule', 'ev_' || p || '_' || k, 'earning', 'approved',
        CASE WHEN ${isRu("p")} AND k % 4 <> 0 THEN 500000 + k * 1000 ELSE 10000 + k * 100 END,
        CASE WHEN ${isRu("p")} AND k % 4 <> 0 THEN 'RUB' ELSE 'USD' END,
        now() - INTERVAL '40 days', now() - INTERVAL '10 days', now() - INTERVAL '5 days', now()
      FROM generate_series(1, ${total}) p, generate_series(1, ${PER_PARTNER}) k`,
    `INSERT INTO "CommissionTransition" ("id", "tenantId", "commissionId", "fromStatus", "toStatus", "action")
      SELECT "id" || '_t0', '${t}', "id", NULL, 'pending'::"CommissionStatus", 'created' FROM "Commission" WHERE "tenantId" = '${t}'
      UNION ALL
      SELECT "id" || '_t1', '${t}', "id", 'pending'::"CommissionStatus", 'approved'::"CommissionStatus", 'approved' FROM "Commission" WHERE "tenantId" = '${t}'`,
  ];
}

async function main() {
  const db = await createScratchDatabase("twoway_bench");
  const keep = process.env.BENCH_KEEP_DB === "1";
  let failed = false;
  let standin: { url: string; close(): Promise<void> } | null = null;
  try {
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    const t = "bench";
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let t0 = performance.now();
    for (const sql of setupSql(t)) await client.query(sql);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Commission" WHERE "tenantId" = $1`, [t]);
    log(`data: ${rows[0].n} approved commissions for ${PARTNERS.stripe + PARTNERS.registry + PARTNERS.manual} partners in ${ms(t0)} ms`);

    const { startStripeStandin } = await import("@/scripts/stripe-standin");
    standin = await startStripeStandin({ port: 0, seedAccounts: Array.from({ length: PARTNERS.stripe }, (_, i) => `acct_bench${i + 1}`) });
    process.env.STRIPE_SECRET_KEY = "sk_test_bench";
    process.env.STRIPE_API_BASE = standin.url;

    const { resolveTenantContext } = await import("@/lib/auth/contexts/tenant");
    const ctx = (await resolveTenantContext(`${t}_owner`, t))!;
    const { planPayoutRun } = await import("@/lib/payouts/plan");
    const { createPayoutRun } = await import("@/lib/payouts/create-run");
    const runs = await import("@/lib/payouts/execute-run");
    const registry = await import("@/lib/payouts/registry");
    const { importStatement } = await import("@/lib/payouts/reconcile");
    const cutoffAt = new Date();

    t0 = performance.now();
    const plan = await planPayoutRun(ctx.db, { cutoffAt });
    const planMs = ms(t0);
    t0 = performance.now();
    const run = await createPayoutRun(ctx, { cutoffAt });
    const createMs = ms(t0);
    t0 = performance.now();
    await runs.approvePayoutRun(ctx, run.id);
    const approveMs = ms(t0);
    t0 = performance.now();
    await runs.executePayoutRun(ctx, run.id);
    const executeMs = ms(t0);
    t0 = performance.now();
    const csv = await registry.registryCsv(ctx, run.id);
    const xlsx = await registry.registryXlsx(ctx, run.id);
    const exportMs = ms(t0);
    t0 = performance.now();
    await runs.markRegistrySent(ctx, run.id);
    const payouts = await ctx.db.payout.findMany({ where: { runId: run.id, rail: "registry" }, select: { reference: true, amountMinor: true } });
    const statement = ["date;amount;currency;payee;purpose", ...payouts.map((p) => `2026-11-27;${(Number(p.amountMinor) / 100).toFixed(2)};RUB;Партнёр;Выплата вознаграждения, ref ${p.reference}`)].join("\n");
    const reconciled = await importStatement(ctx, { runId: run.id, fileName: "statement.csv", csvText: statement });
    const reconcileMs = ms(t0);

    const check = await client.query<{ commissions: string; items: string; in_two: string; payouts_sum_ok: boolean }>(
      `SELECT (SELECT count(*) FROM "Commission" WHERE "tenantId" = $1) AS commissions,
              (SELECT count(*) FROM "PayoutItem" WHERE "tenantId" = $1) AS items,
              (SELECT count(*) FROM (SELECT "commissionId" FROM "PayoutItem" WHERE "tenantId" = $1 GROUP BY 1 HAVING count(*) > 1) x) AS in_two,
              (SELECT bool_and(p."amountMinor" = s.total) FROM "Payout" p JOIN (SELECT "payoutId", sum("payoutMinor") AS total FROM "PayoutItem" GROUP BY 1) s ON s."payoutId" = p.id WHERE p."tenantId" = $1) AS payouts_sum_ok`,
      [t],
    );
    const statuses = await client.query<{ rail: string; status: string; n: string }>(
      `SELECT rail, status, count(*) AS n FROM "Payout" WHERE "tenantId" = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [t]);
    await client.end();
    const c = check.rows[0];
    log(`plan (preview): ${planMs} ms for ${plan.groups.length} groups`);
    log(`create run (claims + items): ${createMs} ms`);
    log(`approve: ${approveMs} ms`);
    log(`execute (${PARTNERS.stripe} Stripe transfers via the stand-in): ${executeMs} ms`);
    log(`registry export CSV ${csv.length} bytes + XLSX ${xlsx.byteLength} bytes: ${exportMs} ms`);
    log(`mark sent + statement reconciliation (${payouts.length} lines): ${reconcileMs} ms ${reconciled.ok ? `matched ${reconciled.summary.matched}, partial ${reconciled.summary.partial}, unknown ${reconciled.summary.unknown}, missing ${reconciled.summary.missing.length}` : "FAILED"}`);
    log(`TOTAL 10k-commission run (plan → create → approve → execute): ${planMs + createMs + approveMs + executeMs} ms`);
    log(`payouts by rail/status: ${statuses.rows.map((r) => `${r.rail}/${r.status}=${r.n}`).join(", ")}`);
    log(`commissions ${c.commissions}, payout items ${c.items}, in two payouts ${c.in_two}, payout sums match items: ${c.payouts_sum_ok}`);
    if (c.items !== c.commissions || c.in_two !== "0" || !c.payouts_sum_ok) {
      failed = true;
      log("FAIL: the run does not account for every commission exactly once");
    }
  } finally {
    await standin?.close();
    if (!keep) await db.drop();
    else log(`kept database ${db.url}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
