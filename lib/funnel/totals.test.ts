import { describe, expect, it } from "vitest";
import { averageMinor, emptyTotals, isEmpty, rate, ratesOf } from "./totals";

describe("funnel arithmetic", () => {
  it("keeps numerator and denominator and gives no value for a zero denominator", () => {
    expect(rate(3, 12)).toEqual({ numerator: 3, denominator: 12, value: 0.25 });
    expect(rate(5, 0)).toEqual({ numerator: 5, denominator: 0, value: null });
  });

  it("derives the three stage rates from totals", () => {
    const t = { ...emptyTotals("USD"), clicks: 40, referrals: 4, qualified: 2, closes: 0 };
    const r = ratesOf(t);
    expect(r.clickToReferral.value).toBe(0.1);
    expect(r.referralToQualified.value).toBe(0.5);
    expect(r.qualifiedToClose).toEqual({ numerator: 0, denominator: 2, value: 0 });
  });

  it("rounds averages half away from zero in minor units", () => {
    expect(averageMinor(10n, 4)).toBe(3n); // 2.5 → 3
    expect(averageMinor(10n, 3)).toBe(3n); // 3.33 → 3
    expect(averageMinor(-10n, 4)).toBe(-3n);
    expect(averageMinor(5n, 0)).toBeNull();
  });

  it("tells activity from none", () => {
    expect(isEmpty(emptyTotals("USD"))).toBe(true);
    expect(isEmpty({ ...emptyTotals("USD"), missingFxEvents: 1 })).toBe(false);
  });
});
