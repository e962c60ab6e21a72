import type { Market, OpportunitySide, ReferralKind } from "@/lib/db/generated/enums";
import { optInKind } from "./codes";
import { marketLanguages, primaryLanguage } from "./matching-language";

// How well a directory record fits an opportunity, as a score out of 100 with every part shown.
// Pure and deterministic: the same opportunity and directory always give the same ranking.

/** Points each part can give; they add up to 100. */
export const MARKET_WEIGHT = 25;
export const PLATFORM_WEIGHT = 20;
export const NICHE_WEIGHT = 20;
export const AUDIENCE_WEIGHT = 15;
export const LANGUAGE_WEIGHT = 10;
export const OUTCOME_WEIGHT = 10;

export const WEIGHTS = {
  market: MARKET_WEIGHT,
  platform: PLATFORM_WEIGHT,
  niche: NICHE_WEIGHT,
  audience: AUDIENCE_WEIGHT,
  language: LANGUAGE_WEIGHT,
  outcomes: OUTCOME_WEIGHT,
} as const;
export type ComponentKey = keyof typeof WEIGHTS;
export const componentKeys = Object.keys(WEIGHTS) as ComponentKey[];

/** A market sharing the sought market's first language (KZ for RU) gets this much of the market points. */
export const LANGUAGE_AREA_POINTS = 10;
/** Platform and niche overlap: any overlap earns this share, full coverage of the list the rest. */
export const OVERLAP_BASE_SHARE = 0.6;
/** Audience credit fades to zero at half the minimum and at twice the maximum. */
export const AUDIENCE_FLOOR_RATIO = 0.5;
export const AUDIENCE_CEILING_RATIO = 2;
/** Past outcomes: neutral without history; a client and won deals add, lost or rejected ones subtract a little. */
export const OUTCOME_BASE = 5;
export const CLIENT_BONUS = 2;
export const WON_BONUS = 2;
export const LOSS_PENALTY = 1;
/** A language of the sought market other than its first one earns this much of the language points. */
export const SECONDARY_LANGUAGE_POINTS = 5;

export type MatchOpportunity = {
  side: OpportunitySide;
  /** The market of the side being sought: "RU brand seeks US creators" (RU → US) seeks creators in the US. */
  targetMarket: Market;
  platforms: readonly string[];
  niches: readonly string[];
  audienceMin: number | null;
  audienceMax: number | null;
};

export type MatchCandidate = {
  id: string;
  kind: ReferralKind;
  name: string;
  market: Market;
  niches: readonly string[];
  languages: readonly string[];
  /** A creator's platforms with audience; brands have none. */
  platforms: readonly { platform: string; audienceSize: number }[];
  isClient: boolean;
  /** Referrals of this record that ended won, lost or rejected (duplicate rejections are not counted). */
  outcomes: { won: number; lost: number; rejected: number };
};

type Part<D> = { points: number; max: number; applicable: boolean } & D;

export type Breakdown = {
  market: Part<{ code: "same" | "language_area" | "other"; sought: Market }>;
  platform: Part<{ code: "any" | "match" | "none" | "not_applicable"; matched: string[]; required: number }>;
  niche: Part<{ code: "any" | "match" | "none"; matched: string[]; required: number }>;
  audience: Part<{ code: "any" | "inside" | "below" | "above" | "unknown" | "not_applicable"; audience: number | null }>;
  language: Part<{ code: "primary" | "secondary" | "none" | "unknown"; language: string }>;
  outcomes: Part<{ code: "history" | "none"; won: number; lost: number; rejected: number; client: boolean }>;
};

export type Match = { candidate: MatchCandidate; total: number; breakdown: Breakdown };

const round1 = (x: number) => Math.round(x * 10) / 10;
const lower = (list: readonly string[]) => [...new Set(list.map((s) => s.trim().toLowerCase()).filter(Boolean))];

function overlap(weight: number, have: readonly string[], want: readonly string[]) {
  const required = lower(want);
  const matched = required.filter((w) => lower(have).includes(w));
  if (required.length === 0) return { points: weight, code: "any" as const, matched, required: 0 };
  if (matched.length === 0) return { points: 0, code: "none" as const, matched, required: required.length };
  const share = OVERLAP_BASE_SHARE + (1 - OVERLAP_BASE_SHARE) * (matched.length / required.length);
  return { points: round1(weight * share), code: "match" as const, matched, required: required.length };
}

function market(o: MatchOpportunity, c: MatchCandidate): Breakdown["market"] {
  const base = { max: MARKET_WEIGHT, applicable: true, sought: o.targetMarket };
  if (c.market === o.targetMarket) return { ...base, points: MARKET_WEIGHT, code: "same" };
  if (primaryLanguage(c.market) === primaryLanguage(o.targetMarket)) return { ...base, points: LANGUAGE_AREA_POINTS, code: "language_area" };
  return { ...base, points: 0, code: "other" };
}

function platform(o: MatchOpportunity, c: MatchCandidate): Breakdown["platform"] {
  if (c.kind === "brand") return { points: 0, max: PLATFORM_WEIGHT, applicable: false, code: "not_applicable", matched: [], required: o.platforms.length };
  const { points, code, matched, required } = overlap(PLATFORM_WEIGHT, c.platforms.map((p) => p.platform), o.platforms);
  return { points, max: PLATFORM_WEIGHT, applicable: true, code, matched, required };
}

function niche(o: MatchOpportunity, c: MatchCandidate): Breakdown["niche"] {
  return { ...overlap(NICHE_WEIGHT, c.niches, o.niches), max: NICHE_WEIGHT, applicable: true };
}

/** The creator's largest audience on a platform the opportunity asks for (on any platform when none matches). */
export function relevantAudience(o: Pick<MatchOpportunity, "platforms">, c: Pick<MatchCandidate, "platforms">): number {
  const wanted = lower(o.platforms);
  const onWanted = c.platforms.filter((p) => wanted.includes(p.platform.toLowerCase()));
  const pool = onWanted.length ? onWanted : c.platforms;
  return pool.reduce((max, p) => Math.max(max, p.audienceSize), 0);
}

function audience(o: MatchOpportunity, c: MatchCandidate): Breakdown["audience"] {
  const base = { max: AUDIENCE_WEIGHT, applicable: c.kind === "creator" };
  if (c.kind === "brand") return { ...base, points: 0, code: "not_applicable", audience: null };
  if (o.audienceMin === null && o.audienceMax === null) return { ...base, points: AUDIENCE_WEIGHT, code: "any", audience: relevantAudience(o, c) || null };
  const size = relevantAudience(o, c);
  if (size <= 0) return { ...base, points: 0, code: "unknown", audience: null };
  const min = o.audienceMin ?? 0;
  const max = o.audienceMax ?? Number.POSITIVE_INFINITY;
  if (size < min) {
    const share = (size / min - AUDIENCE_FLOOR_RATIO) / (1 - AUDIENCE_FLOOR_RATIO);
    return { ...base, points: round1(AUDIENCE_WEIGHT * Math.max(0, share)), code: "below", audience: size };
  }
  if (size > max) {
    const share = (AUDIENCE_CEILING_RATIO - size / max) / (AUDIENCE_CEILING_RATIO - 1);
    return { ...base, points: round1(AUDIENCE_WEIGHT * Math.max(0, share)), code: "above", audience: size };
  }
  return { ...base, points: AUDIENCE_WEIGHT, code: "inside", audience: size };
}

function language(o: MatchOpportunity, c: MatchCandidate): Breakdown["language"] {
  const [first, ...others] = marketLanguages[o.targetMarket];
  const spoken = lower(c.languages);
  const base = { max: LANGUAGE_WEIGHT, applicable: true, language: first };
  if (spoken.length === 0) return { ...base, points: 0, code: "unknown" };
  if (spoken.includes(first)) return { ...base, points: LANGUAGE_WEIGHT, code: "primary" };
  const second = others.find((l) => spoken.includes(l));
  return second ? { ...base, points: SECONDARY_LANGUAGE_POINTS, code: "secondary", language: second } : { ...base, points: 0, code: "none" };
}

function outcomes(c: MatchCandidate): Breakdown["outcomes"] {
  const { won, lost, rejected } = c.outcomes;
  const raw = OUTCOME_BASE + (c.isClient ? CLIENT_BONUS : 0) + WON_BONUS * won - LOSS_PENALTY * (lost + rejected);
  const history = c.isClient || won + lost + rejected > 0;
  return { points: Math.min(OUTCOME_WEIGHT, Math.max(0, raw)), max: OUTCOME_WEIGHT, applicable: true, code: history ? "history" : "none", won, lost, rejected, client: c.isClient };
}

/**
 * One candidate's score. Parts that cannot apply (a brand has no platforms or audience in the
 * directory) are left out and the total is scaled to 100 over the parts that do, so brands and
 * creators both score out of 100.
 */
export function scoreMatch(o: MatchOpportunity, c: MatchCandidate): Match {
  const breakdown: Breakdown = {
    market: market(o, c), platform: platform(o, c), niche: niche(o, c), audience: audience(o, c), language: language(o, c), outcomes: outcomes(c),
  };
  const parts = Object.values(breakdown).filter((p) => p.applicable);
  const points = parts.reduce((sum, p) => sum + p.points, 0);
  const max = parts.reduce((sum, p) => sum + p.max, 0);
  return { candidate: c, total: round1((points * 100) / max), breakdown };
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Highest score first; ties broken by name, then id, so the order never depends on the database. */
export function rankMatches(o: MatchOpportunity, candidates: readonly MatchCandidate[]): Match[] {
  return candidates
    .filter((c) => c.kind === optInKind(o.side))
    .map((c) => scoreMatch(o, c))
    .sort((a, b) => b.total - a.total || byName.compare(a.candidate.name, b.candidate.name) || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));
}
