// The funnel's vocabulary, shared by the queries (lib/funnel/queries.ts), the staff dashboard, the
// partner portal, CSV exports and bench:funnel. Volume (clicks, referrals) and quality (qualified,
// closes, revenue) are separate numbers; every rate carries its numerator and denominator.
import type { Market } from "@/lib/db/generated/enums";

/**
 * period: each stage counted when it happened inside [from, to).
 * cohort: referrals submitted inside [from, to), followed to their outcome (qualified/closed at any
 * time so far); clicks are still the clicks of the period (a click has no cohort of its own).
 */
export type FunnelBasis = "period" | "cohort";

/** "US>RU" = source market US (where the referred subject is), target RU. */
export type MarketPair = `${Market}>${Market}`;

export type SplitDimension = "marketPair" | "crossMarket" | "program" | "partner";

export type FunnelFilter = {
  from: Date; // inclusive, UTC midnight
  to: Date; // exclusive, UTC midnight
  basis: FunnelBasis;
  programId?: string;
  partnerId?: string;
  marketPair?: MarketPair;
  crossMarket?: "cross" | "single";
};

/** Who is asking: staff see the tenant; a partner sees only their own rows (partnerId forced). */
export type FunnelScope = { tenantId: string; reportingCurrency: string; partnerId?: string };

export type Rate = { numerator: number; denominator: number; value: number | null }; // null when denominator is 0

export type Money = { minor: bigint; currency: string };

export type FunnelTotals = {
  clicks: number; // bots and repeats excluded
  referrals: number;
  qualified: number;
  closes: number;
  revenue: Money; // net (revenue − refunds) in the reporting currency
  revenueEvents: number;
  missingFxEvents: number; // events left out of `revenue` because no rate exists for their day
};

export type FunnelRates = { clickToReferral: Rate; referralToQualified: Rate; qualifiedToClose: Rate };

export type FunnelSummary = { basis: FunnelBasis; from: Date; to: Date; totals: FunnelTotals; rates: FunnelRates };

export type FunnelSplitRow = { key: string; label: string; totals: FunnelTotals; rates: FunnelRates };

export type SeriesPoint = { day: string /* YYYY-MM-DD */; clicks: number; referrals: number; qualified: number; closes: number; revenueMinor: bigint };

export type LeaderboardRow = {
  partnerId: string;
  name: string;
  market: Market;
  totals: FunnelTotals;
  rates: FunnelRates;
};

export type LtvRow = { customers: number; totalMinor: bigint; averageMinor: bigint | null; missingFxEvents: number };

export type LtvReport = {
  currency: string;
  referral: LtvRow;
  direct: LtvRow;
  byCohortMonth: ({ month: string /* YYYY-MM */; source: "referral" | "direct" } & LtvRow)[];
  byMarketPair: ({ pair: MarketPair } & LtvRow)[];
};
