import { describe, expect, it } from "vitest";
import { statisticsDueDate } from "@/lib/ord/deadline";
import { statisticsDueOn } from "@/lib/kernel/statistics-deadline";

describe("the ОРД statistics deadline", () => {
  it("is the 30th of the next month, or its last day when shorter", () => {
    expect(["2026-11", "2026-12", "2027-01", "2028-01", "2026-07"].map(statisticsDueOn)).toEqual(["2026-12-30", "2027-01-30", "2027-02-28", "2028-02-29", "2026-08-30"]);
    expect(() => statisticsDueOn("2026-13")).toThrow(RangeError);
  });

  it("agrees with the ОРД client's definition for every month 2022–2030 (one rule, two homes until they merge)", () => {
    for (let y = 2022; y <= 2030; y++) {
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, "0")}`;
        expect(statisticsDueOn(month), month).toBe(statisticsDueDate(month));
      }
    }
  });
});
