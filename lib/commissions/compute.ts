// The pure commission engine: what one event earns under one rule, and why. No database here —
// the job (run-job.ts) and the preview (preview.ts) load the state and call these functions, so every
// rule (basis, duration, tiers, caps, rounding, clawback) is unit-tested in compute.test.ts.
//
// Rounding: percent of an amount is computed exactly in BigInt and rounded once, half to even
// (banker's rounding, like lib/fx/decimal.ts), so many small commissions carry no upward bias.
import type { CommissionBasis, ConversionType } from "@/lib/db/generated/enums";
import { roundHalfEven } from "@/lib/fx/decimal";

export type Tier = { minCount: number; percentBps?: number; amountMinor?: bigint };

export type ComputeRule = {
  id: string;
  name: string;
  basis: CommissionBasis;
  percentBps: number | null;
  durationMonths: number | null;
  amountMinor: bigint | null;
  currency: string;
  tiers: Tier[];
  capMinor: bigint | null;
  holdDays: number;
};

export type ComputeEvent = {
  type: ConversionType; amountMinor: bigint | null; currency: string | null; occurredAt: Date;
  /** Recorded by the referral pipeline (lib/referrals/pipeline-events.ts), not sent by the agency. */
  pipeline?: boolean;
};

/** The event amount expressed in the rule currency, and the rate used when the currencies differ. */
export type ConvertedBase = { amountMinor: bigint; fx: { rate: string; rateDay: string; source: string } | null };

export type SkipReason =
  | "basis_mismatch"
  | "pipeline_revenue"
  | "already_paid_for_referral"
  | "no_amount"
  | "outside_duration"
  | "cap_reached"
  | "zero"
  | "nothing_to_claw_back";

/**
 * Why a commission has its amount. Stored as Commission.explanation (bigints as decimal strings) and
 * rendered by components/commissions/explanation.tsx.
 */
export type Explanation = {
  v: 1;
  rule: { id: string; name: string };
  basis: CommissionBasis;
  eventType: ConversionType;
  base: { amountMinor: string; currency: string } | null;
  converted: { amountMinor: string; currency: string } | null;
  fx: { rate: string; rateDay: string; source: string } | null;
  percentBps: number | null;
  bountyMinor: string | null;
  tier: { minCount: number; count: number } | null;
  duration: { months: number; startsAt: string; endsAt: string } | null;
  cap: { capMinor: string; earnedBeforeMinor: string; uncappedMinor: string } | null;
  clawback: { netEarnedMinor: string; uncappedMinor: string } | null;
  rounding: "half_even";
  amountMinor: string;
  currency: string;
};

export type ComputeResult = { amountMinor: bigint; explanation: Explanation } | { skip: SkipReason };

export type EarningInput = {
  rule: ComputeRule;
  event: ComputeEvent;
  /** The event amount in the rule currency (revenue only; null for bounties or an event without amount). */
  base: ConvertedBase | null;
  /** Start of the customer's life for `durationMonths`: first seen, or the referral's close when earlier/only known. */
  lifeStart: Date | null;
  /** Earning commissions of this rule for this partner in the event's UTC month, not counting this one. */
  monthCount: number;
  /** Net already earned by this customer under this rule (rule currency); null = no customer, so no cap. */
  earnedMinor: bigint | null;
  /** A lead/close event of the same referral already earned under this rule (once per referral). */
  referralPaid?: boolean;
};

const BASIS_EVENT: Record<CommissionBasis, ConversionType> = {
  revenue_share: "revenue",
  lead_bounty: "lead",
  close_bounty: "close",
  deal_share: "close",
};

/** Bases that pay once per referral: a second lead/close event of the same referral (API + pipeline) earns nothing. */
export function oncePerReferral(basis: CommissionBasis): boolean {
  return basis !== "revenue_share";
}

/** Bases computed as a percent of the event amount (converted into the rule currency first). */
export function isPercentBasis(basis: CommissionBasis): boolean {
  return basis === "revenue_share" || basis === "deal_share";
}

/** The event type a rule of `basis` earns on (refunds claw back revenue_share separately). */
export function eventTypeFor(basis: CommissionBasis): ConversionType {
  return BASIS_EVENT[basis];
}

/** `amount` × `bps` / 10 000, exact, rounded half to even. */
export function applyBps(amountMinor: bigint, bps: number): bigint {
  return roundHalfEven(amountMinor * BigInt(bps), 10_000n);
}

/** The same instant `months` calendar months later (UTC); the 31st clamps to the month's last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

/** "2026-03" — the calendar month (UTC) tiers count in. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The highest tier whose `minCount` the count (including this commission) reaches, or null. */
export function applicableTier(tiers: Tier[], count: number): Tier | null {
  let best: Tier | null = null;
  for (const tier of tiers) if (count >= tier.minCount && (!best || tier.minCount > best.minCount)) best = tier;
  return best;
}

/** Reads the rule's `tiers` JSON defensively: unknown shapes are dropped, amounts become bigint. */
export function parseTiers(json: unknown): Tier[] {
  if (!Array.isArray(json)) return [];
  const tiers: Tier[] = [];
  for (const raw of json) {
    if (!raw || typeof raw !== "object") continue;
    const row = raw as Record<string, unknown>;
    const minCount = Number(row.minCount);
    if (!Number.isInteger(minCount) || minCount < 1) continue;
    const tier: Tier = { minCount };
    if (typeof row.percentBps === "number" && Number.isInteger(row.percentBps)) tier.percentBps = row.percentBps;
    if ((typeof row.amountMinor === "string" && /^\d+$/.test(row.amountMinor)) || typeof row.amountMinor === "number") {
      tier.amountMinor = BigInt(row.amountMinor);
    }
    tiers.push(tier);
  }
  return tiers.sort((a, b) => a.minCount - b.minCount);
}

/** Tiers as stored in JSON (bigints as strings). */
export function tiersToJson(tiers: Tier[]): { minCount: number; percentBps?: number; amountMinor?: string }[] {
  return tiers.map((t) => ({
    minCount: t.minCount,
    ...(t.percentBps !== undefined ? { percentBps: t.percentBps } : {}),
    ...(t.amountMinor !== undefined ? { amountMinor: t.amountMinor.toString() } : {}),
  }));
}

function emptyExplanation(rule: ComputeRule, event: ComputeEvent, base: ConvertedBase | null): Explanation {
  return {
    v: 1,
    rule: { id: rule.id, name: rule.name },
    basis: rule.basis,
    eventType: event.type,
    base: event.amountMinor !== null && event.currency ? { amountMinor: event.amountMinor.toString(), currency: event.currency } : null,
    converted: base && base.fx ? { amountMinor: base.amountMinor.toString(), currency: rule.currency } : null,
    fx: base?.fx ?? null,
    percentBps: null,
    bountyMinor: null,
    tier: null,
    duration: null,
    cap: null,
    clawback: null,
    rounding: "half_even",
    amountMinor: "0",
    currency: rule.currency,
  };
}

/** What `event` earns under `rule` (an earning commission), or why it earns nothing. */
export function computeEarning(input: EarningInput): ComputeResult {
  const { rule, event, base } = input;
  if (eventTypeFor(rule.basis) !== event.type) return { skip: "basis_mismatch" };
  // The deal value the pipeline books as revenue is paid by deal_share rules; revenue share pays on
  // the revenue the agency reports (API, CSV), so a deal reported both ways is not paid twice.
  if (rule.basis === "revenue_share" && event.pipeline) return { skip: "pipeline_revenue" };
  if (oncePerReferral(rule.basis) && input.referralPaid) return { skip: "already_paid_for_referral" };
  const why = emptyExplanation(rule, event, base);

  if (rule.basis === "revenue_share" && rule.durationMonths !== null) {
    const start = input.lifeStart ?? event.occurredAt;
    const end = addMonthsUtc(start, rule.durationMonths);
    if (event.occurredAt.getTime() >= end.getTime()) return { skip: "outside_duration" };
    why.duration = { months: rule.durationMonths, startsAt: start.toISOString(), endsAt: end.toISOString() };
  }

  const count = input.monthCount + 1;
  const tier = applicableTier(rule.tiers, count);
  let amount: bigint;
  if (isPercentBasis(rule.basis)) {
    if (!base) return { skip: "no_amount" };
    const bps = tier?.percentBps ?? rule.percentBps ?? 0;
    if (tier?.percentBps !== undefined) why.tier = { minCount: tier.minCount, count };
    why.percentBps = bps;
    amount = applyBps(base.amountMinor, bps);
  } else {
    const bounty = tier?.amountMinor ?? rule.amountMinor ?? 0n;
    if (tier?.amountMinor !== undefined) why.tier = { minCount: tier.minCount, count };
    why.bountyMinor = bounty.toString();
    amount = bounty;
  }

  if (rule.capMinor !== null && input.earnedMinor !== null) {
    const room = rule.capMinor - input.earnedMinor;
    if (room <= 0n) return { skip: "cap_reached" };
    if (amount > room) {
      why.cap = { capMinor: rule.capMinor.toString(), earnedBeforeMinor: input.earnedMinor.toString(), uncappedMinor: amount.toString() };
      amount = room;
    }
  }
  if (amount <= 0n) return { skip: "zero" };
  why.amountMinor = amount.toString();
  return { amountMinor: amount, explanation: why };
}

export type ClawbackInput = {
  rule: ComputeRule;
  event: ComputeEvent;
  /** The refund amount in the rule currency. */
  base: ConvertedBase | null;
  /** The percent the customer's latest earning under this rule used (tiers may have changed it); else the rule's. */
  percentBps: number | null;
  /** Net the customer has earned under this rule so far (earnings minus earlier clawbacks, void excluded). */
  netEarnedMinor: bigint;
};

/** A refund's clawback under a revenue_share rule: a NEGATIVE amount, never more than the net earned. */
export function computeClawback(input: ClawbackInput): ComputeResult {
  const { rule, event, base } = input;
  if (rule.basis !== "revenue_share" || event.type !== "refund") return { skip: "basis_mismatch" };
  if (event.pipeline) return { skip: "pipeline_revenue" };
  if (!base) return { skip: "no_amount" };
  if (input.netEarnedMinor <= 0n) return { skip: "nothing_to_claw_back" };
  const why = emptyExplanation(rule, event, base);
  const bps = input.percentBps ?? rule.percentBps ?? 0;
  why.percentBps = bps;
  const uncapped = applyBps(base.amountMinor < 0n ? -base.amountMinor : base.amountMinor, bps);
  const amount = uncapped > input.netEarnedMinor ? input.netEarnedMinor : uncapped;
  if (amount <= 0n) return { skip: "zero" };
  why.clawback = { netEarnedMinor: input.netEarnedMinor.toString(), uncappedMinor: (-uncapped).toString() };
  why.amountMinor = (-amount).toString();
  return { amountMinor: -amount, explanation: why };
}

/** When a commission becomes payable: the event time plus the hold (clawbacks: immediately). */
export function dueAt(occurredAt: Date, holdDays: number): Date {
  return new Date(occurredAt.getTime() + holdDays * 86_400_000);
}
