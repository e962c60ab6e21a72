import { describe, expect, it } from "vitest";
import { statisticsDueOn } from "@/lib/kernel/statistics-deadline";

describe("the ОРД statistics deadline", () => {
  it("is the 30th of the next month, or its last day when shorter", () => {
    expect(["2026-11", "2026-12", "2027-01", "2028-01", "2026-07"].map(statisticsDueOn)).toEqual(["2026-12-30", "2027-01-30", "2027-02-28", "2028-02-29", "2026-08-30"]);
    expect(() => statisticsDueOn("2026-13")).toThrow(RangeError);
  });
});
