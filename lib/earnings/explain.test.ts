import { describe, expect, it } from "vitest";
import { explainCommission } from "./explain";

describe("explainCommission", () => {
  it("reads a revenue share with conversion, tier and cap from the stored explanation", () => {
    const why = explainCommission("earning", {
      v: 1, rule: { id: "r", name: "US creators" }, basis: "revenue_share", percentBps: 1250,
      base: { amountMinor: "100000", currency: "RUB" }, fx: { rate: "0.0125", rateDay: "2026-11-26", source: "cbr" },
      tier: { minCount: 5, count: 7 }, cap: { capMinor: "1000", earnedBeforeMinor: "0", uncappedMinor: "1250" }, amountMinor: "1000", currency: "USD",
    });
    expect(why).toEqual({
      basis: "revenue_share", percentBps: 1250, base: { amountMinor: 100000n, currency: "RUB" },
      fx: { rate: "0.0125", rateDay: "2026-11-26", source: "cbr" }, tierCount: 7, capped: true,
    });
  });

  it("degrades to nothing for adjustments and unknown shapes", () => {
    const empty = { basis: null, percentBps: null, base: null, fx: null, tierCount: null, capped: false };
    expect(explainCommission("adjustment", { basis: "lead_bounty" })).toEqual(empty);
    expect(explainCommission("earning", null)).toEqual(empty);
    expect(explainCommission("earning", { base: { amountMinor: 12, currency: "USD" }, fx: "x" })).toEqual(empty);
  });
});
