// LTV: customers first seen in [from, to), referral vs direct, with their net revenue so far
// (every revenue − refund event of the customer, any date) in the reporting currency.
import { funnelDb } from "./scope";
import { checkFilter, scopeWhere, sql } from "./sql";
import { revenueParts } from "./stages";
import { averageMinor } from "./totals";
import type { FunnelFilter, FunnelScope, LtvReport, LtvRow, MarketPair } from "./types";

type Row = {
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

/**
 * Filters apply to the customer's copied columns (partner, program, markets), so a partner or
 * program filter leaves direct customers out. The basis does not apply: the cohort is firstSeenAt.
 */
export async function getLtvReport(scope: FunnelScope, filter: FunnelFilter): Promise<LtvReport> {
  checkFilter(filter);
  const m = revenueParts(scope.reportingCurrency);
  const rows = await funnelDb(scope).$queryRaw<Row[]>(sql`
    WITH cust AS (
      SELECT c."id", c."source"::text AS source, to_char(c."firstSeenAt", 'YYYY-MM') AS month,
        CASE WHEN c."sourceMarket" IS NULL OR c."targetMarket" IS NULL THEN NULL
          ELSE c."sourceMarket"::text || '>' || c."targetMarket"::text END AS pair
      FROM "Customer" c
      WHERE ${scopeWhere(scope, filter, "c")} AND c."firstSeenAt" >= ${filter.from.toISOString()}::timestamp
        AND c."firstSeenAt" < ${filter.to.toISOString()}::timestamp
    ), money AS (
      SELECT e."customerId", ${m.revenue} AS revenue, ${m.missing} AS missing
      FROM "ConversionEvent" e JOIN cust ON cust."id" = e."customerId"
      WHERE e."tenantId" = ${scope.tenantId} AND ${m.isMoney}
      GROUP BY e."customerId"
    )
    SELECT GROUPING(source, month, pair)::int AS grouping, source, month, pair, COUNT(*)::int AS customers,
      COALESCE(SUM(money.revenue), 0)::bigint AS total, COALESCE(SUM(money.missing), 0)::int AS missing
    FROM cust LEFT JOIN money ON money."customerId" = cust."id"
    GROUP BY GROUPING SETS ((source), (source, month), (pair))`);

  const report: LtvReport = {
    currency: scope.reportingCurrency,
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
