import { funnelSearch, pipelineSearchFor, type FunnelView } from "@/lib/funnel/params";
import { NO_SPLIT_KEY, type MarketPair, type MissingValue, type SplitDimension } from "@/lib/funnel/types";
import type { StageLinks } from "./stage-tiles";

/** The value a split row lacks when it is the "Unattributed" row. */
export function missingValueOf(dim: SplitDimension): MissingValue {
  return dim === "partner" ? "partner" : dim === "program" ? "program" : "markets";
}

/** The view narrowed to one split row (a market pair, cross/single, a program, a partner, or the rows without one). */
export function splitPatch(dim: SplitDimension, key: string): Partial<FunnelView> {
  if (key === NO_SPLIT_KEY) return { without: missingValueOf(dim) };
  if (dim === "marketPair") return { pair: key as MarketPair };
  if (dim === "crossMarket") return { cross: key === "cross" ? "cross" : "single" };
  if (dim === "program") return { program: key };
  return { partner: key };
}

/**
 * Where each number of a view leads: the rows behind it, under the same filters. Referrals go to the
 * staff pipeline when it can show exactly those rows (it filters by submission date, like the
 * funnel's referral stage); otherwise, and for the other stages, to the funnel's own drill-downs.
 */
export function stageLinks(tenantBase: string, view: FunnelView, patch: Partial<FunnelView> = {}): StageLinks {
  const v: FunnelView = { ...view, ...patch, page: 1, stage: "referrals", source: undefined, type: undefined, excluded: false };
  const funnel = `${tenantBase}/funnel`;
  const pipeline = pipelineSearchFor(v);
  const events = `${funnel}/events${funnelSearch(v, { type: "revenue" })}`;
  return {
    clicks: `${funnel}/clicks${funnelSearch(v)}`,
    referrals: pipeline ? `${tenantBase}/referrals${pipeline}` : `${funnel}/referrals${funnelSearch(v)}`,
    qualified: `${funnel}/referrals${funnelSearch(v, { stage: "qualified" })}`,
    closes: `${funnel}/referrals${funnelSearch(v, { stage: "closes" })}`,
    revenue: events,
    missingFx: events,
  };
}
