import { describe, expect, it } from "vitest";
import { chooseAttribution, type AttributionCandidate } from "./choose";

const now = new Date("2026-11-20T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

const alice: AttributionCandidate = { partnerId: "alice", at: daysAgo(10), clickId: "c-alice", source: "click" };
const boris: AttributionCandidate = { partnerId: "boris", at: daysAgo(2), clickId: "c-boris", source: "click" };
const shareCarol: AttributionCandidate = { partnerId: "carol", at: daysAgo(5), source: "share" };

describe("chooseAttribution", () => {
  it("credits the latest touch under last click", () => {
    expect(chooseAttribution([alice, boris, shareCarol], "last_click", 30, now)?.partnerId).toBe("boris");
  });

  it("credits the earliest touch under first click", () => {
    expect(chooseAttribution([boris, shareCarol, alice], "first_click", 30, now)?.partnerId).toBe("alice");
  });

  it("ignores touches outside the window", () => {
    // Alice's click is 10 days old: outside a 7-day window, so first click falls to Carol's share visit.
    expect(chooseAttribution([alice, boris, shareCarol], "first_click", 7, now)?.partnerId).toBe("carol");
    expect(chooseAttribution([alice], "last_click", 7, now)).toBeNull();
    expect(chooseAttribution([], "last_click", 30, now)).toBeNull();
  });

  it("ignores touches in the future beyond the clock skew", () => {
    const future = { ...boris, at: new Date(now.getTime() + 10 * 60_000) };
    const nearFuture = { ...boris, partnerId: "dana", at: new Date(now.getTime() + 2 * 60_000) };
    expect(chooseAttribution([alice, future], "last_click", 30, now)?.partnerId).toBe("alice");
    expect(chooseAttribution([alice, nearFuture], "last_click", 30, now)?.partnerId).toBe("dana");
  });

  it("lets a share visit beat an older click under last click, and lose to a newer one", () => {
    expect(chooseAttribution([alice, shareCarol], "last_click", 30, now)?.source).toBe("share");
    expect(chooseAttribution([boris, shareCarol], "last_click", 30, now)?.source).toBe("click");
  });

  it("prefers the click on a tie in time", () => {
    const tie = { ...shareCarol, at: boris.at };
    expect(chooseAttribution([tie, boris], "last_click", 30, now)?.partnerId).toBe("boris");
    expect(chooseAttribution([tie, boris], "first_click", 30, now)?.partnerId).toBe("boris");
  });

  it("counts a touch exactly at the window's edge", () => {
    expect(chooseAttribution([{ ...alice, at: daysAgo(7) }], "last_click", 7, now)?.partnerId).toBe("alice");
  });
});
