// The daily `funnel:rollup-check` job (lib/jobs/tasks.ts): FunnelDaily is kept exact by triggers
// (docs/decisions.md, funnel rollups); this compares a tenant's rollup totals with the same totals
// counted from the raw tables, by the rules of `funnel_daily_rebuild`, in one statement (one
// snapshot, so concurrent writes cannot show as drift). It only reads — unlike running the rebuild,
// which rewrites and locks the tenant's rollup rows. Totals, not per-day rows: a drift that moves
// counts between days or partners without changing a total is not seen; the cohort counters
// are not compared (a deleted referral's cohort revenue is a known limit).
import type { TenantDb } from "@/lib/db/tenant-client";
import { countedReferralSql, wonReferralSql } from "./stages";

export const CHECKED_COUNTERS = ["clicks", "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents"] as const;
export type Counter = (typeof CHECKED_COUNTERS)[number];
export type RollupDrift = { counter: Counter; rollup: string; raw: string };

type Row = Record<`r_${Counter}` | `x_${Counter}`, string>;

/** The counters whose rollup total differs from the raw tables' (empty: consistent). */
export async function funnelRollupDrift(db: TenantDb, tenantId: string): Promise<RollupDrift[]> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH r AS (
      SELECT COALESCE(SUM("clicks"), 0) AS clicks, COALESCE(SUM("referrals"), 0) AS referrals, COALESCE(SUM("qualified"), 0) AS qualified,
        COALESCE(SUM("closes"), 0) AS closes, COALESCE(SUM("leads"), 0) AS leads, COALESCE(SUM("eventCloses"), 0) AS event_closes,
        COALESCE(SUM("revenueMinor"), 0) AS revenue, COALESCE(SUM("revenueEvents"), 0) AS revenue_events, COALESCE(SUM("missingFxEvents"), 0) AS missing
      FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}
    ), ev AS (
      SELECT count(*) FILTER (WHERE "type" = 'lead' AND "referralId" IS NULL) AS leads,
        count(*) FILTER (WHERE "type" = 'close' AND "referralId" IS NULL) AS closes,
        COALESCE(SUM(CASE WHEN "type" = 'refund' THEN -ABS("reportingAmountMinor") ELSE "reportingAmountMinor" END)
          FILTER (WHERE "type" IN ('revenue', 'refund') AND "reportingAmountMinor" IS NOT NULL AND "reportingCurrency" IS NOT NULL), 0) AS revenue,
        count(*) FILTER (WHERE "type" IN ('revenue', 'refund') AND "reportingAmountMinor" IS NOT NULL AND "reportingCurrency" IS NOT NULL) AS revenue_events,
        count(*) FILTER (WHERE "type" IN ('revenue', 'refund') AND NOT ("reportingAmountMinor" IS NOT NULL AND "reportingCurrency" IS NOT NULL)) AS missing
      FROM "ConversionEvent" WHERE "tenantId" = ${tenantId} AND "type" IN ('lead', 'close', 'revenue', 'refund')
    ), ref AS (
      SELECT count(*) FILTER (WHERE ${countedReferralSql("r")} AND r."submittedAt" IS NOT NULL) AS referrals,
        count(*) FILTER (WHERE r."qualifiedAt" IS NOT NULL) AS qualified,
        count(*) FILTER (WHERE ${wonReferralSql("r")} AND r."closedAt" IS NOT NULL) AS closes
      FROM "Referral" r WHERE r."tenantId" = ${tenantId}
    )
    SELECT r.clicks::text AS "r_clicks", (SELECT COALESCE(SUM("clicks"), 0) FROM "ClickDaily" WHERE "tenantId" = ${tenantId})::text AS "x_clicks",
      r.referrals::text AS "r_referrals", ref.referrals::text AS "x_referrals",
      r.qualified::text AS "r_qualified", ref.qualified::text AS "x_qualified",
      r.closes::text AS "r_closes", ref.closes::text AS "x_closes",
      r.leads::text AS "r_leads", ev.leads::text AS "x_leads",
      r.event_closes::text AS "r_eventCloses", ev.closes::text AS "x_eventCloses",
      r.revenue::text AS "r_revenueMinor", ev.revenue::text AS "x_revenueMinor",
      r.revenue_events::text AS "r_revenueEvents", ev.revenue_events::text AS "x_revenueEvents",
      r.missing::text AS "r_missingFxEvents", ev.missing::text AS "x_missingFxEvents"
    FROM r, ev, ref`;
  return CHECKED_COUNTERS.filter((c) => row[`r_${c}`] !== row[`x_${c}`]).map((counter) => ({ counter, rollup: row[`r_${counter}`], raw: row[`x_${counter}`] }));
}
