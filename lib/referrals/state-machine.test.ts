import { describe, expect, it } from "vitest";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import { referralStatuses } from "./codes";
import { isLegal, nextStatuses, planTransition, skippedStages, stepsOf, type TransitionInput } from "./state-machine";

const now = new Date("2026-11-20T12:00:00Z");

const legal: [ReferralStatus, ReferralStatus, "partner" | "staff"][] = [
  ["draft", "submitted", "partner"],
  ["submitted", "in_review", "staff"],
  ["submitted", "rejected", "staff"],
  ["in_review", "qualified", "staff"],
  ["in_review", "rejected", "staff"],
  ["qualified", "in_negotiation", "staff"],
  ["qualified", "lost", "staff"],
  ["in_negotiation", "won", "staff"],
  ["in_negotiation", "lost", "staff"],
  ["won", "in_negotiation", "staff"], // re-open (issue 12): reverses the pipeline's close and revenue
  ["qualified", "won", "staff"], // shortcut (issue 12, part 3): in_negotiation is recorded on the way
];

/** The smallest complete input for a move to `to`. */
function requiredInput(to: ReferralStatus): TransitionInput {
  if (to === "rejected") return { to, rejectReason: "not_a_fit" };
  if (to === "lost") return { to, note: "Budget frozen" };
  if (to === "won") return { to, dealValueMinor: 500_000n, dealCurrency: "USD", closedOn: new Date("2026-11-18T00:00:00Z") };
  return { to };
}

describe("the transition table", () => {
  it("allows exactly the listed moves, each for one kind of actor", () => {
    for (const from of referralStatuses) {
      for (const to of referralStatuses) {
        for (const actor of ["partner", "staff"] as const) {
          const expected = legal.some(([f, t, a]) => f === from && t === to && a === actor);
          expect(isLegal(from, to, actor), `${from} → ${to} by ${actor}`).toBe(expected);
        }
      }
    }
  });

  it("lists the next steps per actor", () => {
    expect(nextStatuses("draft", "partner")).toEqual(["submitted"]);
    expect(nextStatuses("draft", "staff")).toEqual([]);
    expect(nextStatuses("in_negotiation", "staff")).toEqual(["won", "lost"]);
    expect(nextStatuses("won", "staff")).toEqual(["in_negotiation"]);
    expect(nextStatuses("lost", "staff")).toEqual([]);
    expect(nextStatuses("qualified", "staff")).toEqual(["in_negotiation", "lost", "won"]);
    expect(nextStatuses("in_review", "staff")).toEqual(["qualified", "rejected"]);
    expect(nextStatuses("in_review", "staff", { knownClient: true })).toEqual(["qualified", "rejected", "won"]);
  });

  it("throws referral_transition_invalid for every illegal pair, even with complete input", () => {
    for (const from of referralStatuses) {
      for (const to of referralStatuses) {
        if (legal.some(([f, t]) => f === from && t === to)) continue;
        // The one shortcut that exists only for a known client says so.
        const code = from === "in_review" && to === "won" ? "referral_fast_win_known_client_only" : "referral_transition_invalid";
        expect(() => planTransition(from, requiredInput(to), "staff", now), `${from} → ${to}`).toThrow(expect.objectContaining({ code }));
      }
    }
  });

  it("a partner cannot move their referral past submission", () => {
    expect(() => planTransition("submitted", { to: "in_review" }, "partner", now)).toThrow(expect.objectContaining({ code: "referral_transition_invalid" }));
  });
});

describe("shortcuts: winning in one action", () => {
  const won = requiredInput("won");

  it("from qualified the win walks through in_negotiation; no new qualification", () => {
    expect(stepsOf("qualified", "won", "staff")).toEqual(["in_negotiation", "won"]);
    expect(skippedStages("qualified", "won", "staff")).toEqual(["in_negotiation"]);
    const effect = planTransition("qualified", won, "staff", now);
    expect(effect).toMatchObject({ steps: ["in_negotiation", "won"], dealValueMinor: 500_000n, closedAt: won.closedOn });
    expect(effect.qualifiedAt).toBeUndefined();
  });

  it("from in_review only for a known client, and then it qualifies at the move's time", () => {
    expect(isLegal("in_review", "won", "staff")).toBe(false);
    expect(isLegal("in_review", "won", "staff", { knownClient: true })).toBe(true);
    expect(isLegal("in_review", "won", "partner", { knownClient: true })).toBe(false);
    const effect = planTransition("in_review", won, "staff", now, { knownClient: true });
    expect(effect).toMatchObject({ steps: ["qualified", "in_negotiation", "won"], qualifiedAt: now, closedAt: won.closedOn });
  });

  it("a shortcut needs the target's inputs like the plain move", () => {
    expect(() => planTransition("qualified", { to: "won" }, "staff", now)).toThrow(expect.objectContaining({ code: "deal_value_required" }));
  });

  it("no other stage can be skipped, known client or not", () => {
    for (const from of ["draft", "submitted"] as const) {
      expect(isLegal(from, "won", "staff", { knownClient: true })).toBe(false);
      expect(() => planTransition(from, won, "staff", now, { knownClient: true })).toThrow(expect.objectContaining({ code: "referral_transition_invalid" }));
    }
    expect(isLegal("in_review", "in_negotiation", "staff", { knownClient: true })).toBe(false);
    expect(isLegal("submitted", "qualified", "staff", { knownClient: true })).toBe(false);
  });

  it("a plain move is one step", () => {
    expect(planTransition("in_negotiation", won, "staff", now).steps).toEqual(["won"]);
    expect(planTransition("in_review", { to: "qualified" }, "staff", now).steps).toEqual(["qualified"]);
  });
});

describe("required inputs", () => {
  const code = (from: ReferralStatus, input: TransitionInput) => {
    try {
      planTransition(from, input, "staff", now);
      return "ok";
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it("a rejection needs one of the four reason codes", () => {
    expect(code("submitted", { to: "rejected" })).toBe("reject_reason_required");
    expect(code("submitted", { to: "rejected", rejectReason: "spam" as never })).toBe("reject_reason_required");
    for (const reason of ["duplicate", "not_a_fit", "no_consent", "unreachable"] as const) {
      expect(code("in_review", { to: "rejected", rejectReason: reason })).toBe("ok");
    }
  });

  it("a loss needs a reason", () => {
    expect(code("qualified", { to: "lost" })).toBe("lost_reason_required");
    expect(code("qualified", { to: "lost", note: "   " })).toBe("lost_reason_required");
    expect(planTransition("qualified", { to: "lost", note: " Chose a competitor " }, "staff", now)).toMatchObject({ lostReason: "Chose a competitor", closedAt: now });
  });

  it("a win needs a positive deal value, a currency and a close date that is not in the future", () => {
    const won = requiredInput("won");
    expect(code("in_negotiation", { ...won, dealValueMinor: null })).toBe("deal_value_required");
    expect(code("in_negotiation", { ...won, dealValueMinor: 0n })).toBe("deal_value_required");
    expect(code("in_negotiation", { ...won, dealCurrency: null })).toBe("deal_currency_required");
    expect(code("in_negotiation", { ...won, closedOn: null })).toBe("close_date_required");
    expect(code("in_negotiation", { ...won, closedOn: new Date("2026-11-25T00:00:00Z") })).toBe("close_date_future");
    expect(planTransition("in_negotiation", won, "staff", now)).toMatchObject({ dealValueMinor: 500_000n, dealCurrency: "USD", closedAt: won.closedOn });
  });

  it("stamps the milestone dates", () => {
    expect(planTransition("in_review", { to: "qualified" }, "staff", now).qualifiedAt).toEqual(now);
    expect(planTransition("draft", { to: "submitted" }, "partner", now).submittedAt).toEqual(now);
  });
});
