import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import type { RuleRow } from "./check-rules";
import { describeRule } from "./describe-rule";

const rule = (over: Partial<RuleRow>): RuleRow => ({
  id: "r", key: "k", audienceMarket: "RU", platform: null, kind: "erid_required", threshold: null,
  effectiveFrom: new Date("2025-09-01T00:00:00Z"), effectiveTo: null, warnOnly: false, ...over,
});
const t = (locale: "en" | "ru") => createI18n(locale).getFixedT(locale, ["placements", "common"]);

describe("a rule said in the reader's language, with its platform and date", () => {
  it("the Instagram ban, in Russian and English", () => {
    const banned = rule({ kind: "banned", platform: "instagram" });
    expect(describeRule(t("ru"), "ru", banned)).toBe("Реклама в Instagram для российской аудитории запрещена с 01.09.2025");
    expect(describeRule(t("en"), "en", banned)).toBe("Advertising on Instagram for Russian audiences is banned since 09/01/2025");
  });

  it("the registry threshold with ru-RU digits and an end date", () => {
    const registry = rule({ kind: "registry_above_threshold", threshold: 10_000, effectiveFrom: new Date("2024-11-01T00:00:00Z"), effectiveTo: new Date("2024-12-31T00:00:00Z") });
    expect(describeRule(t("ru"), "ru", registry)).toBe("С 01.11.2024 реклама для российской аудитории в канале более чем с 10\u00a0000 подписчиками разрешена только при записи в перечне Роскомнадзора (до 31.12.2024)");
  });

  it("a platform only rules name (Facebook) and a market without its own phrase", () => {
    expect(describeRule(t("ru"), "ru", rule({ kind: "banned", platform: "facebook" }))).toContain("Реклама в Facebook");
    expect(describeRule(t("en"), "en", rule({ kind: "disclosure_required", audienceMarket: "KZ" }))).toBe("Paid or gifted posts for the Kazakhstan audience need a clear disclosure since 09/01/2025");
  });
});
