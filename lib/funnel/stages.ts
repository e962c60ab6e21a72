// The funnel engine: every stage counted once per group key, in one statement over a rollup —
// FunnelDailyProgram (summed over partners) or, for per-partner views, FunnelDaily. Both get their
// clicks from ClickDaily through a trigger. Definitions live in docs/funnel-definitions.md.
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
//
// Which referral statuses count in which stage is defined once, below (`stageStatuses`).
import type { ReferralStatus } from "@/lib/db/generated/enums";
import { NO_SPLIT_KEY, type FunnelFilter, type FunnelScope, type FunnelTotals, type SplitDimension } from "./types";
import { funnelDb, type FunnelDb } from "./scope";
import { col, dateOf, isRollup, raw, scopeWhere, sql, type Alias, type Sql } from "./sql";
import { emptyTotals } from "./totals";

// ---------------------------------------------------------------- what a referral counts as

/**
 * The one definition of what a referral counts as, by status. Everything that counts referrals
 * follows it: the FunnelDaily triggers in SQL (funnel_daily_referral, funnel_daily_cohort_revenue,
 * funnel_daily_event, funnel_daily_rebuild: migration 20261126230000_funnel_daily), which feed
 * every tile, split and series, and the drill-down here in TypeScript (`countedReferralSql`,
 * `wonReferralSql`). tests/integration/funnel-stage-definitions.test.ts derives the same sets from
 * the state machine (lib/referrals/state-machine.ts), reads the trigger functions back from the
 * migrated database and walks a referral to every status through the real pipeline, so a status
 * added to the state machine and counted differently in any of the three places fails it.
 */
export const stageStatuses = {
  /** Not yet submitted: counted in no stage (every other status counts in `referrals`, on `submittedAt`). */
  unsubmitted: ["draft"],
  /**
   * Qualified or beyond: every way to these passes `qualified` (`QUALIFYING_STATUS`), so they always
   * carry `qualifiedAt`. The qualified stage counts the stamp, not the status: a referral lost after
   * its qualification stays qualified (it did happen), and re-opening a won deal keeps it.
   */
  qualifiedOrBeyond: ["qualified", "in_negotiation", "won", "lost"],
  /** A close (on `closedAt`) while the status is one of these: entered with a deal value; re-opening takes it out. */
  won: ["won"],
} as const satisfies Record<string, readonly ReferralStatus[]>;

/** The status whose entry — as a step or on the way of a shortcut — stamps `qualifiedAt`. */
export const QUALIFYING_STATUS = "qualified" satisfies ReferralStatus;

const listed = (list: readonly ReferralStatus[], status: ReferralStatus) => list.includes(status);

/**
 * What one referral adds to each stage count (period and cohort alike, each on its own date):
 * `qualified` is whether it ever passed `QUALIFYING_STATUS` (its `qualifiedAt` is set).
 */
export function referralStageCounts(status: ReferralStatus, qualified: boolean): { referrals: number; qualified: number; closes: number } {
  return { referrals: Number(!listed(stageStatuses.unsubmitted, status)), qualified: Number(qualified), closes: Number(listed(stageStatuses.won, status)) };
}

/** `status IN (…)` of the referral alias, the statuses spliced as literals (constants of this module only). */
function statusIn(alias: Alias, statuses: readonly ReferralStatus[], negate = false): Sql {
  if (statuses.length === 0 || statuses.some((s) => !/^[a-z_]+$/.test(s))) throw new Error("stage statuses must be plain enum labels");
  return sql`${col(alias, "status")} ${raw(negate ? "NOT IN" : "IN")} (${raw(statuses.map((s) => `'${s}'`).join(", "))})`;
}
/** The referral counts at all (it was submitted): the `referrals` stage and every cohort. */
export const countedReferralSql = (alias: Alias = "r"): Sql => statusIn(alias, stageStatuses.unsubmitted, true);
/** The referral counts as a close. */
export const wonReferralSql = (alias: Alias = "r"): Sql => statusIn(alias, stageStatuses.won);

export type GroupBy = "none" | "day" | SplitDimension;

/** The group key of a row of `alias`; `at` is the date column that places the row on a day. */
function keyOf(group: GroupBy, alias: Alias, at: Sql): Sql {
  // FunnelDaily stores "none" as ''; the key is NULL then, like a NULL column elsewhere.
  const c = (name: string) => (isRollup(alias) ? sql`NULLIF(${col(alias, name)}, '')` : col(alias, name));
  const s = c("sourceMarket");
  const t = c("targetMarket");
  switch (group) {
    case "none":
      return sql`''`;
    case "day":
      // Both rollups keep a \`date\`: its text form is already YYYY-MM-DD, far cheaper than to_char.
      return sql`${at}::text`;
    case "program":
      return c("programId");
    case "partner":
      return c("partnerId");
    case "marketPair":
      return sql`(${s}::text || '>' || ${t}::text)`;
    case "crossMarket":
      return sql`CASE WHEN ${s} IS NULL OR ${t} IS NULL THEN NULL WHEN ${s} <> ${t} THEN 'cross' ELSE 'single' END`;
  }
}

/** Net amount and the counted / missing flags of a revenue or refund event `e` (raw-table queries: LTV, drill-down). */
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

type StageRow = { key: string | null; clicks: number; referrals: number; qualified: number; closes: number; revenue: bigint; revenueEvents: number; missing: number };


/**
 * Every other stage from the FunnelDaily rollup (kept exact by database triggers; see the model).
 * Period: the counters of the days in range. Cohort: the cohort counters, which sit on the day the
 * referral was submitted. Revenue counts only amounts in the scope's reporting currency; amounts in
 * another one and events without a rate are "missing FX".
 */
function stagesSql(scope: FunnelScope, filter: FunnelFilter, group: GroupBy, alias: "fd" | "fp"): Sql {
  const day = col(alias, "day");
  const cur = scope.reportingCurrency;
  const cohort = filter.basis === "cohort";
  const n = (name: string) => raw(`${alias}."${name}"`);
  const qualified = cohort ? sql`SUM(${n("cohortQualified")})` : sql`SUM(${n("qualified")} + ${n("leads")})`;
  const closes = cohort ? sql`SUM(${n("cohortCloses")})` : sql`SUM(${n("closes")} + ${n("eventCloses")})`;
  const revenue = n(cohort ? "cohortRevenueMinor" : "revenueMinor");
  const events = n(cohort ? "cohortRevenueEvents" : "revenueEvents");
  const missing = n(cohort ? "cohortMissingFx" : "missingFxEvents");
  const inCurrency = sql`${n("reportingCurrency")} = ${cur}`;
  const otherCurrency = sql`${n("reportingCurrency")} NOT IN ('', ${cur})`;
  // Both rollups carry clicks (from ClickDaily, by trigger): one statement answers every stage.
  return sql`SELECT ${keyOf(group, alias, day)} AS key, SUM(${n("clicks")})::int AS clicks, SUM(${n("referrals")})::int AS referrals,
      ${qualified}::int AS qualified, ${closes}::int AS closes,
      COALESCE(SUM(${revenue}) FILTER (WHERE ${inCurrency}), 0)::bigint AS revenue,
      COALESCE(SUM(${events}) FILTER (WHERE ${inCurrency}), 0)::int AS "revenueEvents",
      (SUM(${missing}) + COALESCE(SUM(${events}) FILTER (WHERE ${otherCurrency}), 0))::int AS missing
    FROM ${raw(alias === "fp" ? `"FunnelDailyProgram" fp` : `"FunnelDaily" fd`)}
    WHERE ${scopeWhere(scope, filter, alias)} AND ${day} >= ${dateOf(filter.from)} AND ${day} < ${dateOf(filter.to)}
    GROUP BY 1`;
}

/** Totals per group key (NO_SPLIT_KEY for rows without a value; "" for group "none"). */
export async function stageTotals(
  scope: FunnelScope,
  filter: FunnelFilter,
  group: GroupBy,
  db: FunnelDb = funnelDb(scope),
): Promise<Map<string, FunnelTotals>> {
  // Views that are not per partner read the partner-free rollup; per-partner views read FunnelDaily.
  const perPartner = Boolean(scope.partnerId || filter.partnerId) || filter.without === "partner" || group === "partner";
  const stages = await db.$queryRaw<StageRow[]>(stagesSql(scope, filter, group, perPartner ? "fd" : "fp"));
  const totals = new Map<string, FunnelTotals>();
  const at = (key: string | null) => {
    const k = key ?? NO_SPLIT_KEY;
    let t = totals.get(k);
    if (!t) totals.set(k, (t = emptyTotals(scope.reportingCurrency)));
    return t;
  };
  for (const row of stages) {
    // A rollup row may carry only the other basis's counters (or counters back at zero): no activity.
    if (!row.clicks && !row.referrals && !row.qualified && !row.closes && !Number(row.revenue) && !row.revenueEvents && !row.missing) continue;
    const t = at(row.key);
    t.clicks += row.clicks;
    t.referrals += row.referrals;
    t.qualified += row.qualified;
    t.closes += row.closes;
    t.revenue.minor += BigInt(row.revenue);
    t.revenueEvents += row.revenueEvents;
    t.missingFxEvents += row.missing;
  }
  return totals;
}
