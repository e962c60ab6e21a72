import { describe, expect, it } from "vitest";
import { addMonthsUtc, applicableTier, applyBps, computeClawback, computeEarning, dueAt, parseTiers, tiersToJson, type ComputeRule, type EarningInput } from "./compute";

const at = (iso: string) => new Date(iso);

const share: ComputeRule = {
  id: "r1", name: "10% for 12 months", basis: "revenue_share", percentBps: 1000, durationMonths: 12,
  amountMinor: null, currency: "USD", tiers: [], capMinor: null, holdDays: 30,
};
const bounty: ComputeRule = { ...share, id: "r2", name: "Lead $50", basis: "lead_bounty", percentBps: null, durationMonths: null, amountMinor: 5000n };

function revenue(amountMinor: bigint, occurredAt = "2026-03-10T12:00:00Z"): Pick<EarningInput, "event" | "base"> {
  return { event: { type: "revenue", amountMinor, currency: "USD", occurredAt: at(occurredAt) }, base: { amountMinor, fx: null } };
}
const fresh = { lifeStart: at("2026-03-01T00:00:00Z"), monthCount: 0, earnedMinor: 0n };

describe("rounding", () => {
  it("rounds percent half to even, exactly in BigInt", () => {
    expect(applyBps(12345n, 1000)).toBe(1234n); // 1234.5 → 1234 (even)
    expect(applyBps(12355n, 1000)).toBe(1236n); // 1235.5 → 1236 (even)
    expect(applyBps(12346n, 1000)).toBe(1235n); // 1234.6 → 1235
    expect(applyBps(1n, 1)).toBe(0n);
    expect(applyBps(999_999_999_999_999n, 1234)).toBe(123_399_999_999_999n + 1n); // …999.8766 → exact, no float
    expect(applyBps(-12345n, 1000)).toBe(-1234n);
  });

  it("a revenue share earns the rounded percent of the converted base", () => {
    const result = computeEarning({ rule: share, ...revenue(12345n), ...fresh });
    expect(result).toMatchObject({ amountMinor: 1234n, explanation: { percentBps: 1000, amountMinor: "1234", rounding: "half_even", tier: null, cap: null } });
  });
});

describe("which events earn", () => {
  it("a rule only earns on its basis' event type", () => {
    expect(computeEarning({ rule: bounty, ...revenue(1000n), ...fresh })).toEqual({ skip: "basis_mismatch" });
    const lead = { type: "lead" as const, amountMinor: null, currency: null, occurredAt: at("2026-03-10T00:00:00Z") };
    expect(computeEarning({ rule: share, event: lead, base: null, ...fresh })).toEqual({ skip: "basis_mismatch" });
    expect(computeEarning({ rule: bounty, event: lead, base: null, ...fresh })).toMatchObject({ amountMinor: 5000n, explanation: { bountyMinor: "5000" } });
  });

  it("a revenue event without an amount earns nothing; a zero result is skipped", () => {
    const event = { type: "revenue" as const, amountMinor: null, currency: null, occurredAt: at("2026-03-10T00:00:00Z") };
    expect(computeEarning({ rule: share, event, base: null, ...fresh })).toEqual({ skip: "no_amount" });
    expect(computeEarning({ rule: share, ...revenue(4n), ...fresh })).toEqual({ skip: "zero" });
  });
});

describe("duration", () => {
  it("earns inside N months from the customer's start and not after", () => {
    const start = at("2026-01-31T10:00:00Z");
    const inside = computeEarning({ rule: share, ...revenue(1000n, "2027-01-31T09:59:59Z"), ...fresh, lifeStart: start });
    expect(inside).toMatchObject({ amountMinor: 100n, explanation: { duration: { months: 12, startsAt: start.toISOString() } } });
    expect(computeEarning({ rule: share, ...revenue(1000n, "2027-01-31T10:00:00Z"), ...fresh, lifeStart: start })).toEqual({ skip: "outside_duration" });
  });

  it("lifetime (null) never expires", () => {
    const result = computeEarning({ rule: { ...share, durationMonths: null }, ...revenue(1000n, "2036-01-01T00:00:00Z"), ...fresh });
    expect(result).toMatchObject({ amountMinor: 100n, explanation: { duration: null } });
  });

  it("adds calendar months in UTC, clamping to the month's end", () => {
    expect(addMonthsUtc(at("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonthsUtc(at("2026-11-15T00:00:00Z"), 3).toISOString()).toBe("2027-02-15T00:00:00.000Z");
  });
});

describe("tiers", () => {
  const tiered: ComputeRule = { ...share, tiers: parseTiers([{ minCount: 10, percentBps: 2000 }, { minCount: 3, percentBps: 1500 }]) };

  it("picks the highest tier the month's count (including this one) reaches", () => {
    expect(applicableTier(tiered.tiers, 2)).toBeNull();
    expect(applicableTier(tiered.tiers, 3)?.percentBps).toBe(1500);
    expect(applicableTier(tiered.tiers, 11)?.percentBps).toBe(2000);
  });

  it("the third commission of the month earns the tier percent and says so", () => {
    expect(computeEarning({ rule: tiered, ...revenue(1000n), ...fresh, monthCount: 1 })).toMatchObject({ amountMinor: 100n, explanation: { tier: null } });
    expect(computeEarning({ rule: tiered, ...revenue(1000n), ...fresh, monthCount: 2 })).toMatchObject({ amountMinor: 150n, explanation: { tier: { minCount: 3, count: 3 }, percentBps: 1500 } });
  });

  it("bounty tiers replace the bounty amount", () => {
    const rule = { ...bounty, tiers: parseTiers([{ minCount: 5, amountMinor: "7500" }]) };
    const lead = { type: "lead" as const, amountMinor: null, currency: null, occurredAt: at("2026-03-10T00:00:00Z") };
    expect(computeEarning({ rule, event: lead, base: null, ...fresh, monthCount: 4 })).toMatchObject({ amountMinor: 7500n });
    expect(computeEarning({ rule, event: lead, base: null, ...fresh, monthCount: 3 })).toMatchObject({ amountMinor: 5000n });
  });

  it("round-trips through JSON and drops malformed rows", () => {
    const tiers = parseTiers([{ minCount: 2, amountMinor: "100" }, { minCount: 0, percentBps: 1 }, "x", null, { minCount: 1, percentBps: 50 }]);
    expect(tiers).toEqual([{ minCount: 1, percentBps: 50 }, { minCount: 2, amountMinor: 100n }]);
    expect(parseTiers(tiersToJson(tiers))).toEqual(tiers);
  });
});

describe("caps", () => {
  const capped: ComputeRule = { ...share, capMinor: 1000n };

  it("cuts the amount to the room left under the cap and records it", () => {
    const result = computeEarning({ rule: capped, ...revenue(5000n), ...fresh, earnedMinor: 800n });
    expect(result).toMatchObject({ amountMinor: 200n, explanation: { cap: { capMinor: "1000", earnedBeforeMinor: "800", uncappedMinor: "500" } } });
  });

  it("earns nothing once the cap is reached", () => {
    expect(computeEarning({ rule: capped, ...revenue(5000n), ...fresh, earnedMinor: 1000n })).toEqual({ skip: "cap_reached" });
  });

  it("without a customer there is nothing to cap per customer", () => {
    expect(computeEarning({ rule: capped, ...revenue(50000n), ...fresh, earnedMinor: null })).toMatchObject({ amountMinor: 5000n });
  });
});

describe("clawback", () => {
  const refund = { type: "refund" as const, amountMinor: 3000n, currency: "USD", occurredAt: at("2026-04-01T00:00:00Z") };

  it("is negative: refund × percent", () => {
    const result = computeClawback({ rule: share, event: refund, base: { amountMinor: 3000n, fx: null }, percentBps: 1000, netEarnedMinor: 1000n });
    expect(result).toMatchObject({ amountMinor: -300n, explanation: { amountMinor: "-300" } });
  });

  it("never takes back more than the net earned", () => {
    const result = computeClawback({ rule: share, event: refund, base: { amountMinor: 30000n, fx: null }, percentBps: 1500, netEarnedMinor: 1000n });
    expect(result).toMatchObject({ amountMinor: -1000n, explanation: { clawback: { netEarnedMinor: "1000", uncappedMinor: "-4500" } } });
    expect(computeClawback({ rule: share, event: refund, base: { amountMinor: 3000n, fx: null }, percentBps: 1000, netEarnedMinor: 0n })).toEqual({ skip: "nothing_to_claw_back" });
  });

  it("only revenue_share rules claw back", () => {
    expect(computeClawback({ rule: bounty, event: refund, base: { amountMinor: 3000n, fx: null }, percentBps: null, netEarnedMinor: 5000n })).toEqual({ skip: "basis_mismatch" });
  });
});

it("due date is the event time plus the hold", () => {
  expect(dueAt(at("2026-03-10T12:00:00Z"), 30).toISOString()).toBe("2026-04-09T12:00:00.000Z");
});

describe("percent of the deal value (deal_share, issue 12)", () => {
  const deal: ComputeRule = { ...share, id: "r3", name: "10% of the deal", basis: "deal_share", durationMonths: null };
  const close = (amountMinor: bigint | null, pipeline = true) => ({
    event: { type: "close" as const, amountMinor, currency: amountMinor === null ? null : "USD", occurredAt: at("2026-03-10T12:00:00Z"), pipeline },
    base: amountMinor === null ? null : { amountMinor, fx: null },
  });

  it("earns the rounded percent of the close event's amount, on close events only", () => {
    expect(computeEarning({ rule: deal, ...close(4_500_005n), ...fresh })).toMatchObject({
      amountMinor: 450_000n, explanation: { basis: "deal_share", eventType: "close", percentBps: 1000, bountyMinor: null, duration: null },
    });
    expect(computeEarning({ rule: deal, ...revenue(1000n), ...fresh })).toEqual({ skip: "basis_mismatch" });
    expect(computeEarning({ rule: deal, ...close(null), ...fresh })).toEqual({ skip: "no_amount" });
  });

  it("pays once per referral, like the bounties; revenue share never pays on the pipeline's booked deal value", () => {
    expect(computeEarning({ rule: deal, ...close(1000n), ...fresh, referralPaid: true })).toEqual({ skip: "already_paid_for_referral" });
    const closeBounty: ComputeRule = { ...bounty, basis: "close_bounty" };
    expect(computeEarning({ rule: closeBounty, ...close(null), ...fresh, referralPaid: true })).toEqual({ skip: "already_paid_for_referral" });
    const pipelineRevenue = { event: { ...revenue(1000n).event, pipeline: true }, base: { amountMinor: 1000n, fx: null } };
    expect(computeEarning({ rule: share, ...pipelineRevenue, ...fresh })).toEqual({ skip: "pipeline_revenue" });
    expect(computeEarning({ rule: share, ...pipelineRevenue, ...fresh, referralPaid: true })).toEqual({ skip: "pipeline_revenue" });
    expect(computeEarning({ rule: share, ...revenue(1000n), ...fresh, referralPaid: true })).toMatchObject({ amountMinor: 100n });
  });
});
