// The funnel's vocabulary, shared by the queries (lib/funnel/queries.ts), the staff dashboard, the
// partner portal, CSV exports and bench:funnel. Volume (clicks, referrals) and quality (qualified,
// closes, revenue) are separate numbers; every rate carries its numerator and denominator.
import type { ConversionType, CustomerSource, DeviceClass, EventSource, Market, ReferralStatus } from "@/lib/db/generated/enums";

/**
 * period: each stage counted when it happened inside [from, to).
 * cohort: referrals submitted inside [from, to), followed to their outcome (qualified/closed at any
 * time so far); clicks are still the clicks of the period (a click has no cohort of its own).
 */
export type FunnelBasis = "period" | "cohort";

/** "US>RU" = source market US (where the referred subject is), target RU. */
export type MarketPair = `${Market}>${Market}`;

export type SplitDimension = "marketPair" | "crossMarket" | "program" | "partner";

/** A value a row can lack: the rows of a split's NO_SPLIT_KEY ("Unattributed") row. */
export type MissingValue = "partner" | "program" | "markets";

/**
 * from/to name the agency's LOCAL calendar days (its zone: FunnelScope.timeZone), each as the UTC
 * midnight of that date — a label, not the instant the day starts (2026-03-08 in New York is
 * `new Date("2026-03-08T00:00:00Z")`). The rollups are keyed by local day and compare dates; raw
 * timestamps are compared with the local day's real bounds (sql.ts, `inRange`).
 */
export type FunnelFilter = {
  from: Date; // first local day, inclusive
  to: Date; // the local day after the last, exclusive
  basis: FunnelBasis;
  programId?: string;
  partnerId?: string;
  marketPair?: MarketPair;
  crossMarket?: "cross" | "single";
  /** Only rows without this value (no partner, no program, no markets): the split's "Unattributed" row. */
  without?: MissingValue;
};

/**
 * Who is asking: staff see the tenant; a partner sees only their own rows (partnerId forced).
 * timeZone: the IANA zone whose local days the filter names — the zone the tenant's rollups are
 * keyed in ("Tenant"."rollupTimeZone"); absent = UTC.
 */
export type FunnelScope = { tenantId: string; reportingCurrency: string; partnerId?: string; timeZone?: string };

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

/**
 * key: "US>RU" (marketPair), "cross"/"single" (crossMarket), a program or partner id; label: "US→RU",
 * "cross"/"single" (translate by key), the program or partner name. Activity that has no value for the
 * dimension (a `close` event with no partner or markets) is one row with key NO_SPLIT_KEY and label "".
 */
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

// ---------------------------------------------------------------- additions (H5): leaderboard sort, drill-down, export

/** Key of the split row that collects activity without a value for the dimension (e.g. no partner). */
export const NO_SPLIT_KEY = "none";

export type LeaderboardSort =
  | "clicks" | "referrals" | "qualified" | "closes" | "revenue"
  | "clickToReferral" | "referralToQualified" | "qualifiedToClose";

export type LeaderboardOptions = { limit: number; sort?: LeaderboardSort; direction?: "asc" | "desc" };

export type PageRequest = { page: number /* 1-based */; pageSize: number };

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

/** A raw click (drill-down only; aggregates never read Click). */
export type ClickRow = {
  id: string;
  occurredAt: Date;
  linkId: string;
  linkCode: string;
  partnerId: string;
  partnerName: string;
  programId: string;
  programName: string;
  sourceMarket: Market;
  targetMarket: Market;
  country: string | null;
  device: DeviceClass;
  referrerHost: string | null;
  isBot: boolean;
  repeatOfId: string | null;
};

export type FunnelStage = "referrals" | "qualified" | "closes";

/**
 * One row behind a stage tile: a referral, or (period basis, qualified/closes) a `lead`/`close`
 * event without a referral. `at` is the moment that put the row in the stage (submittedAt,
 * qualifiedAt, closedAt or the event's occurredAt; cohort basis: always submittedAt).
 */
export type StageRow = {
  kind: "referral" | "event";
  id: string;
  at: Date;
  subject: string | null; // referral subject, or the event's external customer id
  status: ReferralStatus | null;
  partnerId: string | null;
  partnerName: string | null;
  programId: string | null;
  programName: string | null;
  sourceMarket: Market | null;
  targetMarket: Market | null;
  submittedAt: Date | null;
  qualifiedAt: Date | null;
  closedAt: Date | null;
};

/** A customer first seen in the period, with its net revenue so far in the reporting currency. */
export type CustomerRow = {
  id: string;
  name: string | null;
  externalId: string | null;
  source: CustomerSource;
  partnerId: string | null;
  partnerName: string | null;
  programId: string | null;
  programName: string | null;
  sourceMarket: Market | null;
  targetMarket: Market | null;
  firstSeenAt: Date;
  ltv: Money;
  events: number; // events of any type linked to the customer, any date
  missingFxEvents: number;
};

export type EventRow = {
  id: string;
  type: ConversionType;
  source: EventSource;
  occurredAt: Date;
  amountMinor: bigint | null;
  currency: string | null;
  reportingAmountMinor: bigint | null; // null (or another currency than the tenant's) = missing FX
  reportingCurrency: string | null;
  missingFx: boolean; // revenue/refund whose reporting amount is missing
  customerId: string | null;
  customerName: string | null;
  externalCustomerId: string | null;
  referralId: string | null;
  partnerId: string | null;
  partnerName: string | null;
  programId: string | null;
  programName: string | null;
  sourceMarket: Market | null;
  targetMarket: Market | null;
};

/** Every table the dashboard shows, for CSV export (the same queries, unpaginated, capped). */
export type FunnelTable =
  | { table: "clicks"; includeExcluded?: boolean }
  | { table: "stage"; stage: FunnelStage }
  | { table: "customers"; source?: CustomerSource }
  | { table: "events"; type?: ConversionType }
  | { table: "split"; dim: SplitDimension }
  | { table: "series" }
  | { table: "leaderboard"; sort?: LeaderboardSort; direction?: "asc" | "desc" }
  | { table: "ltv" };
