// The funnel engine: every stage counted once per group key, in three statements (clicks from
// ClickDaily, referral stages, events). Definitions live in docs/funnel-definitions.md.
//
// Period basis — each stage when it happened inside [from, to):
//   clicks    = Σ ClickDaily.clicks (bots and repeats already excluded) with day in range
//   referrals = referrals with submittedAt in range and status ≠ draft
//   qualified = referrals with qualifiedAt in range + `lead` events without a referral in range
//   closes    = referrals with status won and closedAt in range + `close` events without a referral
//   revenue   = Σ reportingAmountMinor of `revenue` − |refund| events with occurredAt in range
// Cohort basis — referrals submitted in range (status ≠ draft), followed to their outcome so far:
//   qualified = of those, qualifiedAt set; closes = of those, status won; revenue = lifetime net
//   revenue of the customers made from those referrals; clicks stay the period's clicks.
// An event counts in revenue only with a reporting amount in the scope's reporting currency; the
// others are `missingFxEvents`.
import { NO_SPLIT_KEY, type FunnelFilter, type FunnelScope, type FunnelTotals, type SplitDimension } from "./types";
import { funnelDb, type FunnelDb } from "./scope";
import { col, dateOf, inRange, scopeWhere, sql, type Alias, type Sql } from "./sql";
import { emptyTotals } from "./totals";

export type GroupBy = "none" | "day" | SplitDimension;

/** The group key of a row of `alias`; `at` is the timestamp that places the row on a day. */
function keyOf(group: GroupBy, alias: Alias, at: Sql): Sql {
  const s = col(alias, "sourceMarket");
  const t = col(alias, "targetMarket");
  switch (group) {
    case "none":
      return sql`''`;
    case "day":
      return sql`to_char(${at}, 'YYYY-MM-DD')`;
    case "program":
      return col(alias, "programId");
    case "partner":
      return col(alias, "partnerId");
    case "marketPair":
      return sql`(${s}::text || '>' || ${t}::text)`;
    case "crossMarket":
      return sql`CASE WHEN ${s} IS NULL OR ${t} IS NULL THEN NULL WHEN ${s} <> ${t} THEN 'cross' ELSE 'single' END`;
  }
}

type ClickRow = { key: string | null; clicks: number };
type ReferralRow = { key: string | null; referrals: number; qualified: number; closes: number };
type EventRow = { key: string | null; qualified: number; closes: number; revenue: bigint; revenueEvents: number; missing: number };

function clicksSql(scope: FunnelScope, filter: FunnelFilter, group: GroupBy): Sql {
  const day = col("cd", "day");
  return sql`SELECT ${keyOf(group, "cd", day)} AS key, SUM(cd."clicks")::int AS clicks
    FROM "ClickDaily" cd
    WHERE ${scopeWhere(scope, filter, "cd")} AND ${day} >= ${dateOf(filter.from)} AND ${day} < ${dateOf(filter.to)}
    GROUP BY 1`;
}

function referralsSql(scope: FunnelScope, filter: FunnelFilter, group: GroupBy): Sql {
  const where = scopeWhere(scope, filter, "r");
  const submitted = col("r", "submittedAt");
  const submittedIn = sql`r."status" <> 'draft' AND ${inRange(submitted, filter)}`;
  if (filter.basis === "cohort") {
    return sql`SELECT ${keyOf(group, "r", submitted)} AS key, COUNT(*)::int AS referrals,
        (COUNT(*) FILTER (WHERE r."qualifiedAt" IS NOT NULL))::int AS qualified,
        (COUNT(*) FILTER (WHERE r."status" = 'won'))::int AS closes
      FROM "Referral" r WHERE ${where} AND ${submittedIn} GROUP BY 1`;
  }
  const qualifiedAt = col("r", "qualifiedAt");
  const closedAt = col("r", "closedAt");
  return sql`SELECT key, SUM(referrals)::int AS referrals, SUM(qualified)::int AS qualified, SUM(closes)::int AS closes FROM (
      SELECT ${keyOf(group, "r", submitted)} AS key, COUNT(*) AS referrals, 0 AS qualified, 0 AS closes
        FROM "Referral" r WHERE ${where} AND ${submittedIn} GROUP BY 1
      UNION ALL
      SELECT ${keyOf(group, "r", qualifiedAt)}, 0, COUNT(*), 0
        FROM "Referral" r WHERE ${where} AND ${inRange(qualifiedAt, filter)} GROUP BY 1
      UNION ALL
      SELECT ${keyOf(group, "r", closedAt)}, 0, 0, COUNT(*)
        FROM "Referral" r WHERE ${where} AND r."status" = 'won' AND ${inRange(closedAt, filter)} GROUP BY 1
    ) s GROUP BY key`;
}

/** Net amount and the counted / missing flags of a revenue or refund event `e`. */
export function revenueParts(currency: string) {
  const counted = sql`e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" = ${currency}`;
  const isMoney = sql`e."type" IN ('revenue', 'refund')`;
  const net = sql`CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END`;
  return {
    isMoney,
    revenue: sql`COALESCE(SUM(${net}) FILTER (WHERE ${isMoney} AND ${counted}), 0)::bigint`,
    revenueEvents: sql`(COUNT(*) FILTER (WHERE ${isMoney} AND ${counted}))::int`,
    missing: sql`(COUNT(*) FILTER (WHERE ${isMoney} AND NOT (${counted})))::int`,
  };
}

function eventsSql(scope: FunnelScope, filter: FunnelFilter, group: GroupBy): Sql {
  const m = revenueParts(scope.reportingCurrency);
  if (filter.basis === "cohort") {
    // Revenue of the customers made from the cohort's referrals, any time so far; grouped by the referral.
    return sql`SELECT ${keyOf(group, "r", col("r", "submittedAt"))} AS key, 0 AS qualified, 0 AS closes,
        ${m.revenue} AS revenue, ${m.revenueEvents} AS "revenueEvents", ${m.missing} AS missing
      FROM "Referral" r
      JOIN "Customer" c ON c."referralId" = r."id" AND c."tenantId" = ${scope.tenantId}
      JOIN "ConversionEvent" e ON e."customerId" = c."id" AND e."tenantId" = ${scope.tenantId}
      WHERE ${scopeWhere(scope, filter, "r")} AND r."status" <> 'draft' AND ${inRange(col("r", "submittedAt"), filter)}
        AND ${m.isMoney}
      GROUP BY 1`;
  }
  return sql`SELECT ${keyOf(group, "e", col("e", "occurredAt"))} AS key,
      (COUNT(*) FILTER (WHERE e."type" = 'lead'))::int AS qualified,
      (COUNT(*) FILTER (WHERE e."type" = 'close'))::int AS closes,
      ${m.revenue} AS revenue, ${m.revenueEvents} AS "revenueEvents", ${m.missing} AS missing
    FROM "ConversionEvent" e
    WHERE ${scopeWhere(scope, filter, "e")} AND ${inRange(col("e", "occurredAt"), filter)}
      AND (${m.isMoney} OR (e."type" IN ('lead', 'close') AND e."referralId" IS NULL))
    GROUP BY 1`;
}

/** Totals per group key (NO_SPLIT_KEY for rows without a value; "" for group "none"). */
export async function stageTotals(
  scope: FunnelScope,
  filter: FunnelFilter,
  group: GroupBy,
  db: FunnelDb = funnelDb(scope),
): Promise<Map<string, FunnelTotals>> {
  const [clicks, referrals, events] = await Promise.all([
    db.$queryRaw<ClickRow[]>(clicksSql(scope, filter, group)),
    db.$queryRaw<ReferralRow[]>(referralsSql(scope, filter, group)),
    db.$queryRaw<EventRow[]>(eventsSql(scope, filter, group)),
  ]);
  const totals = new Map<string, FunnelTotals>();
  const at = (key: string | null) => {
    const k = key ?? NO_SPLIT_KEY;
    let t = totals.get(k);
    if (!t) totals.set(k, (t = emptyTotals(scope.reportingCurrency)));
    return t;
  };
  for (const row of clicks) at(row.key).clicks += row.clicks;
  for (const row of referrals) {
    const t = at(row.key);
    t.referrals += row.referrals;
    t.qualified += row.qualified;
    t.closes += row.closes;
  }
  for (const row of events) {
    const t = at(row.key);
    t.qualified += row.qualified;
    t.closes += row.closes;
    t.revenue.minor += BigInt(row.revenue);
    t.revenueEvents += row.revenueEvents;
    t.missingFxEvents += row.missing;
  }
  return totals;
}
