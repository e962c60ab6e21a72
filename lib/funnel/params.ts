// The funnel's URL: every view (period, basis, filters, split, sort, drill-down page) lives in the
// query string, so a view can be linked, reloaded and exported. Junk never throws: each bad value
// falls back to its default.
import { z } from "zod";
import { markets } from "@/lib/directory/platforms";
import type { ConversionType, Market } from "@/lib/db/generated/enums";
import type { FunnelBasis, FunnelFilter, FunnelStage, LeaderboardSort, MarketPair, MissingValue, SplitDimension } from "./types";
import { typedDayToIso } from "@/lib/kernel/day-input";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";
import { DEFAULT_TIME_ZONE, localDate } from "@/lib/kernel/time-zone";

export const periodPresets = ["7d", "30d", "90d", "month", "lastMonth"] as const;
export type PeriodPreset = (typeof periodPresets)[number] | "custom";
export const defaultPreset = "30d" satisfies PeriodPreset;

export const splitDimensions = ["marketPair", "crossMarket", "program", "partner"] as const satisfies readonly SplitDimension[];
export const funnelStages = ["referrals", "qualified", "closes"] as const satisfies readonly FunnelStage[];
export const leaderboardSorts = [
  "clicks", "referrals", "qualified", "closes", "revenue", "clickToReferral", "referralToQualified", "qualifiedToClose",
] as const satisfies readonly LeaderboardSort[];
export const missingValues = ["partner", "program", "markets"] as const satisfies readonly MissingValue[];
export const eventTypes = ["lead", "close", "revenue", "refund"] as const satisfies readonly ConversionType[];
/** The four pairs the agency works between; the parser still accepts any pair of known markets. */
export const mainPairs = ["US>US", "US>RU", "RU>US", "RU>RU"] as const satisfies readonly MarketPair[];

const DAY = 86_400_000;
/** The longest range a view may cover, so one URL cannot ask for a decade of daily points. */
export const MAX_RANGE_YEARS = 2;

export type FunnelView = {
  period: PeriodPreset;
  from: string; // YYYY-MM-DD, first day shown
  to: string; // YYYY-MM-DD, last day shown (inclusive; the filter's `to` is the day after)
  basis: FunnelBasis;
  program?: string;
  partner?: string;
  pair?: MarketPair;
  cross?: "cross" | "single";
  without?: MissingValue; // only rows lacking this value: a split's "Unattributed" row
  split: SplitDimension;
  sort: LeaderboardSort;
  dir: "asc" | "desc";
  page: number;
  stage: FunnelStage;
  source?: "referral" | "direct";
  type?: ConversionType;
  excluded: boolean; // clicks drill-down: also list bots and repeats (never counted)
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/** A calendar day as YYYY-MM-DD; impossible days (2026-02-30) and far-off years are dropped. */
const day = z
  .preprocess(typedDayToIso, z.string().regex(/^\d{4}-\d{2}-\d{2}$/)) // the form posts «06.12.2026» as typed
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && isoDay(d) === v && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
  })
  .optional()
  .catch(undefined);
const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined);

/** "US-RU" in the URL (a ">" would need escaping) → "US>RU". */
const pair = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v): MarketPair | undefined => {
    const [source, target, extra] = (v ?? "").toUpperCase().split("-");
    const ok = (m: string | undefined): m is Market => !!m && (markets as readonly string[]).includes(m);
    return ok(source) && ok(target) && extra === undefined ? `${source}>${target}` : undefined;
  });

const raw = z.object({
  period: z.enum([...periodPresets, "custom"] as const).optional().catch(undefined),
  from: day,
  to: day,
  basis: z.enum(["period", "cohort"]).optional().catch("period").default("period"),
  program: id,
  partner: id,
  pair,
  cross: z.enum(["cross", "single"]).optional().catch(undefined),
  without: z.enum(missingValues).optional().catch(undefined),
  split: z.enum(splitDimensions).optional().catch("marketPair").default("marketPair"),
  sort: z.enum(leaderboardSorts).optional().catch("revenue").default("revenue"),
  dir: z.enum(["asc", "desc"]).optional().catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
  stage: z.enum(funnelStages).optional().catch("referrals").default("referrals"),
  source: z.enum(["referral", "direct"]).optional().catch(undefined),
  type: z.enum(eventTypes).optional().catch(undefined),
  excluded: z.enum(["1"]).optional().catch(undefined),
});

/**
 * First day and the day after the last (each as the UTC-midnight label of the date) for a preset
 * relative to `now`: "today" is the date on the agency's wall clock in `timeZone` (at 23:59 in
 * Moscow it is still that day; at 00:01 the next), so "last 7 days" ends on the local today.
 */
export function presetRange(preset: Exclude<PeriodPreset, "custom">, now: Date, timeZone: string = DEFAULT_TIME_ZONE): { from: Date; to: Date } {
  const today = new Date(`${localDate(now, timeZone)}T00:00:00Z`);
  const tomorrow = addDays(today, 1);
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  switch (preset) {
    case "7d":
      return { from: addDays(today, -6), to: tomorrow };
    case "30d":
      return { from: addDays(today, -29), to: tomorrow };
    case "90d":
      return { from: addDays(today, -89), to: tomorrow };
    case "month":
      return { from: monthStart, to: tomorrow };
    case "lastMonth":
      return { from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)), to: monthStart };
  }
}

/**
 * The view and the query filter behind a funnel URL, on the local days of `timeZone` (the scope's:
 * FunnelScope.timeZone; dates in the URL are local dates). A preset wins unless from/to say otherwise:
 * the filter form always submits the dates it shows, so unchanged dates keep a rolling preset and
 * edited ones make the range custom. A reversed range is swapped; one longer than two years keeps
 * its end and is cut at the start.
 */
export function parseFunnelParams(
  searchParams: SearchParams | URLSearchParams, now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE,
): { view: FunnelView; filter: FunnelFilter } {
  const q = raw.parse(flattenSearchParams(searchParams));
  const base = presetRange(q.period && q.period !== "custom" ? q.period : defaultPreset, now, timeZone);
  let from = q.from ? new Date(`${q.from}T00:00:00Z`) : base.from;
  let to = q.to ? addDays(new Date(`${q.to}T00:00:00Z`), 1) : base.to;
  let period: PeriodPreset = q.period && q.period !== "custom" ? q.period : defaultPreset;
  if (from.getTime() !== base.from.getTime() || to.getTime() !== base.to.getTime()) period = "custom";
  if (from >= to) [from, to] = [addDays(to, -1), addDays(from, 1)];
  const earliest = new Date(Date.UTC(to.getUTCFullYear() - MAX_RANGE_YEARS, to.getUTCMonth(), to.getUTCDate()));
  if (from < earliest) from = earliest;

  const view: FunnelView = {
    period,
    from: isoDay(from),
    to: isoDay(addDays(to, -1)),
    basis: q.basis,
    program: q.program,
    partner: q.partner,
    pair: q.pair,
    cross: q.cross,
    without: q.without,
    split: q.split,
    sort: q.sort,
    dir: q.dir,
    page: q.page,
    stage: q.stage,
    source: q.source,
    type: q.type,
    excluded: q.excluded === "1",
  };
  return { view, filter: filterOf(view) };
}

/** The query filter of a view: `to` becomes the exclusive day after the last day shown. */
export function filterOf(view: FunnelView): FunnelFilter {
  return {
    from: new Date(`${view.from}T00:00:00Z`),
    to: addDays(new Date(`${view.to}T00:00:00Z`), 1),
    basis: view.basis,
    ...(view.program ? { programId: view.program } : {}),
    ...(view.partner ? { partnerId: view.partner } : {}),
    ...(view.pair ? { marketPair: view.pair } : {}),
    ...(view.cross ? { crossMarket: view.cross } : {}),
    ...(view.without ? { without: view.without } : {}),
  };
}

export const pairParam = (pair: MarketPair) => pair.replace(">", "-");

/** The query string of a view with `patch` applied: only non-default values, so links stay short. */
export function funnelSearch(view: FunnelView, patch: Partial<FunnelView> = {}): string {
  const v = { ...view, ...patch };
  const params = new URLSearchParams();
  if (v.period === "custom") {
    params.set("from", v.from);
    params.set("to", v.to);
  } else if (v.period !== defaultPreset) {
    params.set("period", v.period);
  }
  if (v.basis !== "period") params.set("basis", v.basis);
  if (v.program) params.set("program", v.program);
  if (v.partner) params.set("partner", v.partner);
  if (v.pair) params.set("pair", pairParam(v.pair));
  if (v.cross) params.set("cross", v.cross);
  if (v.without) params.set("without", v.without);
  if (v.split !== "marketPair") params.set("split", v.split);
  if (v.sort !== "revenue") params.set("sort", v.sort);
  if (v.dir !== "desc") params.set("dir", v.dir);
  if (v.page > 1) params.set("page", String(v.page));
  if (v.stage !== "referrals") params.set("stage", v.stage);
  if (v.source) params.set("source", v.source);
  if (v.type) params.set("type", v.type);
  if (v.excluded) params.set("excluded", "1");
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The staff referrals pipeline showing the referrals submitted in this view, or null when the view
 * has a filter the pipeline cannot express (it knows "cross-market only", not "single-market only"
 * nor "without a partner").
 */
export function pipelineSearchFor(view: FunnelView): string | null {
  if (view.cross === "single" || view.without) return null;
  const params = new URLSearchParams({ from: view.from, to: view.to });
  if (view.program) params.set("program", view.program);
  if (view.partner) params.set("partner", view.partner);
  if (view.pair) params.set("pair", pairParam(view.pair));
  if (view.cross === "cross") params.set("cross", "1");
  return `?${params.toString()}`;
}

export function isCrossMarket(pair: MarketPair): boolean {
  const [source, target] = pair.split(">");
  return source !== target;
}
