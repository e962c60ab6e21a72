// The LTV report computed from the raw Customer and ConversionEvent rows: the query the report ran
// before LtvDaily existed, kept unchanged as the oracle that the rollup must equal
// (tests/integration/ltv-rollup.test.ts, bench:funnel). Not used by any page: it joins every
// customer first seen in the range to all of their events. Days and cohort months are the agency's
// local ones (the scope's zone), computed here from the raw timestamps — independently of the
// rollup's triggers, so the comparison checks their zone handling too.
import { funnelDb } from "./scope";
import { checkFilter, col, inRange, scopeWhere, scopeZone, sql } from "./sql";
import { revenueParts } from "./stages";
import { ltvReportFromRows, type LtvSqlRow } from "./ltv";
import type { FunnelFilter, FunnelScope, LtvReport } from "./types";

export async function getLtvReportFromRaw(scope: FunnelScope, filter: FunnelFilter): Promise<LtvReport> {
  checkFilter(filter);
  const m = revenueParts(scope.reportingCurrency);
  const rows = await funnelDb(scope).$queryRaw<LtvSqlRow[]>(sql`
    WITH cust AS (
      SELECT c."id", c."source"::text AS source, to_char(twoway_local_day(c."firstSeenAt", ${scopeZone(scope)}), 'YYYY-MM') AS month,
        CASE WHEN c."sourceMarket" IS NULL OR c."targetMarket" IS NULL THEN NULL
          ELSE c."sourceMarket"::text || '>' || c."targetMarket"::text END AS pair
      FROM "Customer" c
      WHERE ${scopeWhere(scope, filter, "c")} AND ${inRange(col("c", "firstSeenAt"), filter, scope)}
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
  return ltvReportFromRows(scope.reportingCurrency, rows);
}
