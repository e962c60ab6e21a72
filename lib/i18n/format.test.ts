import { describe, expect, it } from "vitest";
import { formatDate, formatDecimal, formatMoney, formatNumber } from "./format";
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
    expect(formatDate("ru", new Date("2026-09-01T12:00:00Z"))).toBe("01.09.2026");
    expect(formatDate("en", new Date("2026-09-01T12:00:00Z"))).toBe("09/01/2026");
  });

  it("formats exact decimals (FX rates, percents) with the reader's decimal mark and all ten stored digits", () => {
    expect(formatDecimal("ru", "78.1234")).toBe("78,1234");
    expect(formatDecimal("en", "78.1234")).toBe("78.1234");
    expect(formatDecimal("ru", "0.0112233445")).toBe("0,0112233445");
    expect(formatDecimal("en", "12.5")).toBe("12.5");
    expect(formatDecimal("ru", "100")).toBe("100");
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
