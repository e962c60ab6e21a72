import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayInputSchema, formatDayInput, parseDayInput } from "./day-input";

describe("dates as people type them", () => {
  it("reads the Russian, English and ISO forms", () => {
    expect(parseDayInput("06.12.2026")).toBe("2026-12-06");
    expect(parseDayInput(" 6.12.2026 ")).toBe("2026-12-06");
    expect(parseDayInput("12/06/2026")).toBe("2026-12-06");
    expect(parseDayInput("2026-12-06")).toBe("2026-12-06");
    expect(parseDayInput("29.02.2028")).toBe("2028-02-29");
  });

  it("refuses dates that do not exist and other text, with the translated error", () => {
    for (const bad of ["31.02.2026", "29.02.2027", "13/13/2026", "2026-13-01", "06.12.26", "завтра", "", "06-12-2026", "1.1.99999"]) {
      expect(parseDayInput(bad), bad).toBeNull();
      const parsed = dayInputSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("date_format");
    }
  });

  it("shows an ISO day in the page's language and leaves typed text alone", () => {
    expect(formatDayInput("ru", "2026-12-06")).toBe("06.12.2026");
    expect(formatDayInput("en", "2026-12-06")).toBe("12/06/2026");
    expect(formatDayInput("ru", "06.12.20")).toBe("06.12.20");
  });

  it("round-trips: every day shown in either language parses back to itself", () => {
    const day = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.constantFrom("ru", "en"), (iso, lang) => {
      expect(parseDayInput(formatDayInput(lang, iso))).toBe(iso);
      expect(dayInputSchema.parse(formatDayInput(lang, iso))).toBe(iso);
    }), { numRuns: 500 });
  });
});
