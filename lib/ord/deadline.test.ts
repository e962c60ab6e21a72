import { describe, expect, it } from "vitest";
import { statisticsDueDate } from "./deadline";

describe("statisticsDueDate (conservative reading, unverified rule)", () => {
  it("is the 30th of the next month, or its last day when shorter", () => {
    expect(statisticsDueDate("2026-11")).toBe("2026-12-30");
    expect(statisticsDueDate("2026-12")).toBe("2027-01-30");
    expect(statisticsDueDate("2027-01")).toBe("2027-02-28");
    expect(statisticsDueDate("2028-01")).toBe("2028-02-29");
    expect(() => statisticsDueDate("2026-13")).toThrow(RangeError);
  });
});
