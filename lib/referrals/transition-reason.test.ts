import { describe, expect, it } from "vitest";
import { decodeReason, encodeReason } from "./transition-reason";

describe("rejection reasons in the history", () => {
  it("round-trips a code with and without a note", () => {
    expect(decodeReason("rejected", encodeReason("not_a_fit", null))).toEqual({ code: "not_a_fit", note: null });
    expect(decodeReason("rejected", encodeReason("unreachable", "Two calls, no answer:\nretry in May"))).toEqual({ code: "unreachable", note: "Two calls, no answer:\nretry in May" });
  });

  it("reads free text (older rows, other statuses) as a plain note", () => {
    expect(decodeReason("rejected", "No real relationship")).toEqual({ code: null, note: "No real relationship" });
    expect(decodeReason("lost", "duplicate: budget")).toEqual({ code: null, note: "duplicate: budget" });
    expect(encodeReason(undefined, "Budget frozen")).toBe("Budget frozen");
  });
});
