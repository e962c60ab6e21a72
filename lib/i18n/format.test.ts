import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatDecimal, formatMoney, formatNumber, utcOffsetLabel, zoneDescription, zoneLabel } from "./format";
import { createI18n } from "./instance";
import { negotiateLocale } from "./settings";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("locale formatting", () => {
  it("formats money from integer minor units per locale", () => {
    expect(nbsp(formatMoney("ru", 123456n, "RUB"))).toBe("1 234,56 ₽");
    expect(formatMoney("en", 123456n, "USD")).toBe("$1,234.56");
    expect(nbsp(formatMoney("ru", -500, "USD"))).toBe("-5,00 $");
    // Zero-decimal currencies: minor unit = major unit.
    expect(formatMoney("en", 1500, "JPY")).toBe("¥1,500");
  });

  it("never loses precision on large amounts", () => {
    expect(formatMoney("en", 900719925474099312n, "USD")).toBe("$9,007,199,254,740,993.12");
  });

  it("formats numbers and dates the Russian way", () => {
    expect(nbsp(formatNumber("ru", 1234567))).toBe("1 234 567");
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatDay("ru", new Date("2026-09-01T00:00:00Z"))).toBe("01.09.2026");
    expect(formatDay("en", "2026-09-01")).toBe("09/01/2026");
  });

  it("formats exact decimals (FX rates, percents) with the reader's decimal mark and all ten stored digits", () => {
    expect(formatDecimal("ru", "78.1234")).toBe("78,1234");
    expect(formatDecimal("en", "78.1234")).toBe("78.1234");
    expect(formatDecimal("ru", "0.0112233445")).toBe("0,0112233445");
    expect(formatDecimal("en", "12.5")).toBe("12.5");
    expect(formatDecimal("ru", "100")).toBe("100");
  });
});

describe("instants in the viewer's time zone", () => {
  const instant = new Date("2026-12-06T12:50:00Z"); // winter: Moscow +3, New York −5
  const summer = new Date("2026-07-06T12:50:00Z"); // New York on daylight time (−4)
  const moscowRu = { locale: "ru", timeZone: "Europe/Moscow" } as const;
  const newYorkEn = { locale: "en", timeZone: "America/New_York" } as const;

  it("shows Moscow time with «МСК» on a Russian page", () => {
    expect(nbsp(formatDateTime(moscowRu, instant))).toBe("06.12.2026, 15:50 (МСК)");
    expect(formatDate(moscowRu, instant)).toBe("06.12.2026");
    expect(zoneDescription(moscowRu, instant)).toBe("Москва (UTC+3)");
  });

  it("shows New York time with EST/EDT across the DST change", () => {
    expect(nbsp(formatDateTime(newYorkEn, instant))).toBe("12/06/2026, 07:50 AM EST");
    expect(nbsp(formatDateTime(newYorkEn, summer))).toBe("07/06/2026, 08:50 AM EDT");
    // 2026-11-01 06:30 UTC is 01:30 EST, after the clocks went back; 05:30 UTC is 01:30 EDT.
    expect(nbsp(formatDateTime(newYorkEn, new Date("2026-11-01T05:30:00Z")))).toBe("11/01/2026, 01:30 AM EDT");
    expect(nbsp(formatDateTime(newYorkEn, new Date("2026-11-01T06:30:00Z")))).toBe("11/01/2026, 01:30 AM EST");
    expect(nbsp(formatDateTime({ locale: "ru", timeZone: "America/New_York" }, summer))).toBe("06.07.2026, 08:50 (UTC−4)");
  });

  it("keeps UTC as UTC", () => {
    expect(nbsp(formatDateTime({ locale: "ru", timeZone: "UTC" }, instant))).toBe("06.12.2026, 12:50 (UTC)");
    expect(nbsp(formatDateTime({ locale: "en", timeZone: "UTC" }, instant))).toBe("12/06/2026, 12:50 PM UTC");
    expect(zoneDescription({ locale: "en", timeZone: "UTC" }, instant)).toBe("UTC");
  });

  it("moves an instant near midnight to the viewer's calendar day, but never a stored calendar date", () => {
    const lateUtc = new Date("2026-12-05T22:30:00Z");
    expect(formatDate(moscowRu, lateUtc)).toBe("06.12.2026");
    expect(formatDate(newYorkEn, lateUtc)).toBe("12/05/2026");
    const rateDay = new Date("2026-12-05T00:00:00Z"); // an @db.Date
    expect(formatDay("ru", rateDay)).toBe("05.12.2026");
    expect(formatDay("en", rateDay)).toBe("12/05/2026");
  });

  it("names Russia's zones from Moscow in Russian and by offset otherwise", () => {
    expect(zoneLabel({ locale: "ru", timeZone: "Asia/Yekaterinburg" }, instant)).toBe("МСК+2");
    expect(zoneLabel({ locale: "ru", timeZone: "Europe/Kaliningrad" }, instant)).toBe("МСК−1");
    expect(zoneLabel({ locale: "en", timeZone: "Europe/Moscow" }, instant)).toBe("MSK");
    expect(zoneLabel({ locale: "en", timeZone: "Asia/Kolkata" }, instant)).toBe("UTC+5:30");
    expect(utcOffsetLabel("America/New_York", summer)).toBe("UTC−4");
  });
});

describe("Russian plurals (CLDR one/few/many)", () => {
  const t = createI18n("ru").getFixedT("ru", "directory");
  it.each([
    [1, "1 бренд"], [2, "2 бренда"], [4, "4 бренда"], [5, "5 брендов"], [11, "11 брендов"],
    [21, "21 бренд"], [22, "22 бренда"], [25, "25 брендов"], [111, "111 брендов"], [1001, "1 001 бренд"],
  ])("%i → %s", (count, expected) => {
    expect(nbsp(t("brandCount", { count }))).toBe(expected);
  });

  it("English uses one/other", () => {
    const en = createI18n("en").getFixedT("en", "directory");
    expect(en("brandCount", { count: 1 })).toBe("1 brand");
    expect(en("brandCount", { count: 1234 })).toBe("1,234 brands");
  });

  it("translation instances do not leak the locale between requests", () => {
    const ru = createI18n("ru");
    const en = createI18n("en");
    expect(ru.t("nav:dashboard")).toBe("Обзор");
    expect(en.t("nav:dashboard")).toBe("Dashboard");
  });
});

describe("Accept-Language negotiation", () => {
  it.each([
    ["ru-RU,ru;q=0.9,en-US;q=0.8", "ru"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,ru;q=0.5", "ru"],
    ["de-DE,fr;q=0.9", "en"],
    ["ru;q=0,en;q=0.1", "en"],
    [null, "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
