import { describe, expect, it } from "vitest";
import { previewHypotheticalInput, ruleInput } from "./schemas";

const base = { programId: "p1", market: "RU", name: "10% of the deal", currency: "RUB", holdDays: "30" };

describe("rule input: percent of the deal value", () => {
  it("asks for a percent, takes no duration and no bounty", () => {
    const parsed = ruleInput.safeParse({ ...base, basis: "deal_share", percent: "12,5", durationMonths: "6", bounty: "100" });
    expect(parsed.success && parsed.data).toMatchObject({ basis: "deal_share", percentBps: 1250, durationMonths: null, amountMinor: null });
    const missing = ruleInput.safeParse({ ...base, basis: "deal_share" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["percent", "required"]]);
  });

  it("a hypothetical close may carry a deal value", () => {
    const parsed = previewHypotheticalInput.safeParse({ programId: "p1", market: "RU", type: "close", amount: "450 000,00", currency: "RUB", occurredAt: "2026-12-05" });
    expect(parsed.success && [parsed.data.amountMinor, parsed.data.currency]).toEqual([45_000_000n, "RUB"]);
    const bare = previewHypotheticalInput.safeParse({ programId: "p1", market: "RU", type: "close", amount: "", occurredAt: "2026-12-05" });
    expect(bare.success && [bare.data.amountMinor, bare.data.currency]).toEqual([null, null]);
  });
});
