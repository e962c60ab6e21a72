// How a rate may be read: as a share (a conversion), only when its numerator is a subset of its
// denominator. On the period basis each stage is counted on its own date, so the counts are not
// nested ("2 closes of 1 qualified lead" is two facts, not 200 %); referrals are never a subset of
// clicks (a partner can submit one without a click). The one rule behind every rate the funnel shows.
import type { FunnelBasis, FunnelRates, Rate } from "./types";

/** The three rates of the funnel, plus referral → close (the cross- vs single-market comparison). */
export type RateKey = keyof FunnelRates | "referralToClose";

/**
 * share: a proper conversion, 0 ≤ value ≤ 1.
 * ratio: two counts of their own dates, side by side; not a conversion (reason says why).
 * none:  a share that cannot be shown — nothing to divide by, or more in the numerator than the
 *        denominator (a cohort referral won without a recorded qualification).
 */
export type RateReading =
  | { kind: "share"; value: number; numerator: number; denominator: number }
  | { kind: "ratio"; reason: "period" | "clicks"; numerator: number; denominator: number }
  | { kind: "none"; reason: "noDenominator" | "exceeds"; numerator: number; denominator: number };

/** Whether the numerator's rows are, by definition, a subset of the denominator's on `basis`. */
export function isNested(key: RateKey, basis: FunnelBasis): boolean {
  return basis === "cohort" && key !== "clickToReferral";
}

export function readRate(key: RateKey, rate: Pick<Rate, "numerator" | "denominator">, basis: FunnelBasis): RateReading {
  const { numerator, denominator } = rate;
  if (key === "clickToReferral") return { kind: "ratio", reason: "clicks", numerator, denominator };
  if (!isNested(key, basis)) return { kind: "ratio", reason: "period", numerator, denominator };
  if (denominator <= 0) return { kind: "none", reason: "noDenominator", numerator, denominator };
  // Nested by definition, but data can still break it (won without qualifiedAt): never show > 100 %.
  if (numerator > denominator || numerator < 0) return { kind: "none", reason: "exceeds", numerator, denominator };
  return { kind: "share", value: numerator / denominator, numerator, denominator };
}
