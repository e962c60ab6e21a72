import { describe, expect, it } from "vitest";
import { addDays, isTimeZone, localDate, offsetMinutes, startOfLocalDay, timeZoneSchema } from "./time-zone";

describe("time zones", () => {
  it("knows IANA zones and refuses the rest", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Europe/Moscow; drop table")).toBe(false);
    expect(timeZoneSchema.parse(" europe/moscow ")).toBe("Europe/Moscow");
    expect(timeZoneSchema.safeParse("nowhere").success).toBe(false);
  });

  it("gives the local day and offset, DST included", () => {
    expect(offsetMinutes(new Date("2026-12-06T12:00:00Z"), "Europe/Moscow")).toBe(180);
    expect(offsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(localDate(new Date("2026-12-06T21:30:00Z"), "Europe/Moscow")).toBe("2026-12-07");
    expect(localDate(new Date("2026-12-06T21:30:00Z"), "UTC")).toBe("2026-12-06");
    expect(localDate(new Date("2026-03-08T04:30:00Z"), "America/New_York")).toBe("2026-03-07");
  });

  it("finds the first instant of a local day across DST changes", () => {
    expect(startOfLocalDay("2026-12-07", "Europe/Moscow").toISOString()).toBe("2026-12-06T21:00:00.000Z");
    // New York springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01 at 02:00.
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfLocalDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    // Santiago springs forward at midnight: the day starts at 01:00 local.
    const chile = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(localDate(chile, "America/Santiago")).toBe("2026-09-06");
    expect(localDate(new Date(chile.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });
});

describe("what a person types into a zone picker", () => {
  it("resolves IANA names in any case and the city part of one", () => {
    expect(timeZoneSchema.parse("Moscow")).toBe("Europe/Moscow");
    expect(timeZoneSchema.parse("new york")).toBe("America/New_York");
    expect(timeZoneSchema.parse("utc")).toBe("UTC");
    const refused = timeZoneSchema.safeParse("Москва на Марсе");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe("invalid_time_zone");
  });
});
