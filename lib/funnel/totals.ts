// Pure arithmetic of the funnel: totals, rates (numerator and denominator kept), averages.
import type { FunnelRates, FunnelTotals, Rate } from "./types";

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export function emptyTotals(currency: string): FunnelTotals {
  return { clicks: 0, referrals: 0, qualified: 0, closes: 0, revenue: { minor: 0n, currency }, revenueEvents: 0, missingFxEvents: 0 };
}

/** clicks→referrals, referrals→qualified, qualified→closes; null when the denominator is 0. */
export function ratesOf(t: FunnelTotals): FunnelRates {
  return {
    clickToReferral: rate(t.referrals, t.clicks),
    referralToQualified: rate(t.qualified, t.referrals),
    qualifiedToClose: rate(t.closes, t.qualified),
  };
}

export function isEmpty(t: FunnelTotals): boolean {
  return !t.clicks && !t.referrals && !t.qualified && !t.closes && !t.revenue.minor && !t.revenueEvents && !t.missingFxEvents;
}

/** a / b rounded to the nearest minor unit, halves away from zero; null when b is 0. */
export function averageMinor(total: bigint, count: number): bigint | null {
  if (count === 0) return null;
  const n = BigInt(count);
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  return sign * ((abs * 2n + n) / (2n * n));
}
