// The dashboard's aggregate views, all built on stageTotals (clicks from ClickDaily only).
import { ForbiddenError } from "@/lib/kernel/errors";
import { funnelDb } from "./scope";
import { checkFilter, marketPairLabel, utcDays } from "./sql";
import { stageTotals } from "./stages";
import { emptyTotals, isEmpty, ratesOf } from "./totals";
import {
  NO_SPLIT_KEY, type FunnelFilter, type FunnelRates, type FunnelScope, type FunnelSplitRow, type FunnelSummary,
  type FunnelTotals, type LeaderboardOptions, type LeaderboardRow, type LeaderboardSort, type SeriesPoint, type SplitDimension,
} from "./types";

export async function getFunnelSummary(scope: FunnelScope, filter: FunnelFilter): Promise<FunnelSummary> {
  checkFilter(filter);
  const totals = (await stageTotals(scope, filter, "none")).get("") ?? emptyTotals(scope.reportingCurrency);
  return { basis: filter.basis, from: filter.from, to: filter.to, totals, rates: ratesOf(totals) };
}

async function namesOf(scope: FunnelScope, dim: SplitDimension, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length || (dim !== "program" && dim !== "partner")) return new Map();
  const db = funnelDb(scope); // tenant-scoped model queries: tenantId is forced
  const rows =
    dim === "program"
      ? await db.program.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : await db.partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const crossOrder: Record<string, number> = { cross: 0, single: 1 };

/**
 * One row per value of `dim` with any activity; activity without a value (an unattributed close
 * event in the partner split) is the NO_SPLIT_KEY row, last. Rows sum to the summary's totals.
 */
export async function getFunnelSplit(scope: FunnelScope, filter: FunnelFilter, dim: SplitDimension): Promise<FunnelSplitRow[]> {
  checkFilter(filter);
  const totals = await stageTotals(scope, filter, dim);
  const keys = [...totals.keys()].filter((k) => k !== NO_SPLIT_KEY);
  const names = await namesOf(scope, dim, keys);
  const label = (key: string) =>
    key === NO_SPLIT_KEY ? "" : dim === "marketPair" ? marketPairLabel(key) : dim === "crossMarket" ? key : (names.get(key) ?? key);
  const rows = [...totals].map(([key, t]) => ({ key, label: label(key), totals: t, rates: ratesOf(t) }));
  return rows.sort((a, b) => {
    if ((a.key === NO_SPLIT_KEY) !== (b.key === NO_SPLIT_KEY)) return a.key === NO_SPLIT_KEY ? 1 : -1;
    if (dim === "crossMarket") return (crossOrder[a.key] ?? 2) - (crossOrder[b.key] ?? 2);
    if (dim === "marketPair") return a.key.localeCompare(b.key);
    return a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
  });
}

/**
 * One point per local day (the agency's, as the rollups are keyed) in [from, to), zero-filled. Period basis: each stage on the day it
 * happened. Cohort basis: referral stages and revenue on the day the referral was submitted.
 */
export async function getFunnelSeries(scope: FunnelScope, filter: FunnelFilter): Promise<SeriesPoint[]> {
  checkFilter(filter);
  const totals = await stageTotals(scope, filter, "day");
  return utcDays(filter.from, filter.to).map((day) => {
    const t = totals.get(day);
    return { day, clicks: t?.clicks ?? 0, referrals: t?.referrals ?? 0, qualified: t?.qualified ?? 0, closes: t?.closes ?? 0, revenueMinor: t?.revenue.minor ?? 0n };
  });
}

function sortValue(sort: LeaderboardSort, t: FunnelTotals, r: FunnelRates): number | bigint | null {
  switch (sort) {
    case "revenue":
      return t.revenue.minor;
    case "clickToReferral":
    case "referralToQualified":
    case "qualifiedToClose":
      return r[sort].value;
    default:
      return t[sort];
  }
}

/**
 * Partners with any activity in the period, volume and quality side by side, sorted by `sort`
 * (default closes, descending; a rate without a denominator sorts last either way). Staff only.
 */
export async function getLeaderboard(scope: FunnelScope, filter: FunnelFilter, options: LeaderboardOptions): Promise<LeaderboardRow[]> {
  if (scope.partnerId) throw new ForbiddenError();
  checkFilter(filter);
  const totals = await stageTotals(scope, filter, "partner");
  totals.delete(NO_SPLIT_KEY);
  const ids = [...totals].filter(([, t]) => !isEmpty(t)).map(([id]) => id);
  const partners = ids.length
    ? await funnelDb(scope).partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, market: true } })
    : [];
  const sort = options.sort ?? "closes";
  const dir = options.direction === "asc" ? 1 : -1;
  const rows = partners.map((p) => {
    const t = totals.get(p.id) ?? emptyTotals(scope.reportingCurrency);
    return { partnerId: p.id, name: p.name, market: p.market, totals: t, rates: ratesOf(t) };
  });
  rows.sort((a, b) => {
    const x = sortValue(sort, a.totals, a.rates);
    const y = sortValue(sort, b.totals, b.rates);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * dir;
    return a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId);
  });
  return rows.slice(0, Math.max(0, Math.min(options.limit, 1000)));
}
