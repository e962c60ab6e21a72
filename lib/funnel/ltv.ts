// LTV: customers first seen in [from, to), referral vs direct, with their net revenue so far
// (every revenue − refund event of the customer, any date) in the reporting currency.
//
// Read from LtvDaily, a rollup kept exact by triggers on Customer and ConversionEvent (migration
// 20261206140000_ltv_rollup): one row per day first seen, source, partner, program, market pair and
// reporting currency. The raw query it replaced is kept as the oracle (ltv-raw.ts); the tests and
// bench:funnel check that both give the same report for every filter.
import { funnelDb } from "./scope";
import { checkFilter, dateOf, scopeWhere, sql } from "./sql";
import { averageMinor } from "./totals";
import type { FunnelFilter, FunnelScope, LtvReport, LtvRow, MarketPair } from "./types";

export type LtvSqlRow = {
  grouping: number; // GROUPING(source, month, pair): 3 = by source, 1 = by source and month, 6 = by pair
  source: "referral" | "direct" | null;
  month: string | null;
  pair: string | null;
  customers: number;
  total: bigint;
  missing: number;
};

const ltvRow = (customers: number, total: bigint, missing: number): LtvRow => ({
  customers,
  totalMinor: total,
  averageMinor: averageMinor(total, customers),
  missingFxEvents: missing,
});

/** The report from the rows of `GROUP BY GROUPING SETS ((source), (source, month), (pair))`. */
export function ltvReportFromRows(currency: string, rows: LtvSqlRow[]): LtvReport {
  const report: LtvReport = {
    currency,
    referral: ltvRow(0, 0n, 0),
    direct: ltvRow(0, 0n, 0),
    byCohortMonth: [],
    byMarketPair: [],
  };
  for (const r of rows) {
    const row = ltvRow(r.customers, BigInt(r.total), r.missing);
    if (r.grouping === 3 && r.source) report[r.source] = row;
    else if (r.grouping === 1 && r.source && r.month) report.byCohortMonth.push({ month: r.month, source: r.source, ...row });
    else if (r.grouping === 6 && r.pair) report.byMarketPair.push({ pair: r.pair as MarketPair, ...row });
  }
  report.byCohortMonth.sort((a, b) => a.month.localeCompare(b.month) || a.source.localeCompare(b.source));
  report.byMarketPair.sort((a, b) => a.pair.localeCompare(b.pair));
  return report;
}

/**
 * Filters apply to the customer's copied columns (partner, program, markets), so a partner or
 * program filter leaves direct customers out. The basis does not apply: the cohort is firstSeenAt.
 * Revenue counts amounts in the scope's reporting currency; amounts in another one and events
 * without a reporting amount are "missing FX". A group exists only while it has customers (a
 * rollup row whose counters went back to zero is no customer).
 */
export async function getLtvReport(scope: FunnelScope, filter: FunnelFilter): Promise<LtvReport> {
  checkFilter(filter);
  const cur = scope.reportingCurrency;
  const rows = await funnelDb(scope).$queryRaw<LtvSqlRow[]>(sql`
    SELECT GROUPING(source, month, pair)::int AS grouping, source, month, pair, SUM(customers)::int AS customers,
      SUM(revenue)::bigint AS total, SUM(missing)::int AS missing
    FROM (
      SELECT lt."source"::text AS source, to_char(lt."firstSeenDay"::timestamp, 'YYYY-MM') AS month,
        CASE WHEN lt."sourceMarket" = '' OR lt."targetMarket" = '' THEN NULL ELSE lt."sourceMarket" || '>' || lt."targetMarket" END AS pair,
        lt."customers",
        CASE WHEN lt."reportingCurrency" = ${cur} THEN lt."revenueMinor" ELSE 0 END AS revenue,
        lt."missingFxEvents" + CASE WHEN lt."reportingCurrency" <> ${cur} THEN lt."revenueEvents" ELSE 0 END AS missing
      FROM "LtvDaily" lt
      WHERE ${scopeWhere(scope, filter, "lt")} AND lt."firstSeenDay" >= ${dateOf(filter.from)} AND lt."firstSeenDay" < ${dateOf(filter.to)}
    ) x
    GROUP BY GROUPING SETS ((source), (source, month), (pair))
    HAVING SUM(customers) > 0`);
  return ltvReportFromRows(cur, rows);
}
