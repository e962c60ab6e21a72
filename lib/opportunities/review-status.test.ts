import { describe, expect, it } from "vitest";
import { availableDecisions, isFinal } from "./review-status";

describe("opt-in review decisions", () => {
  it("lets staff shortlist, accept or decline a new opt-in", () => {
    expect(availableDecisions("new")).toEqual(["shortlist", "accept", "decline"]);
  });

  it("lets staff take a shortlisted opt-in back off the shortlist, or decide it", () => {
    expect(availableDecisions("shortlisted")).toEqual(["unshortlist", "accept", "decline"]);
  });

  it("treats accepted and declined as final", () => {
    expect([isFinal("accepted"), isFinal("declined"), isFinal("new"), isFinal("shortlisted")]).toEqual([true, true, false, false]);
  });
});
