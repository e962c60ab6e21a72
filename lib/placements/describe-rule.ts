import type { TFunction } from "i18next";
import { formatDay, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { RuleRow } from "./check-rules";

/** A platform's name: the directory's list (common:platforms), then the ones only rules name. */
export function platformName(t: TFunction, code: string): string {
  return t(`common:platforms.${code}`, { defaultValue: t(`placements:platforms.${code}`, { defaultValue: code }) });
}

/**
 * One rule as a sentence in the reader's language, with its platform and start date:
 * «Реклама в Instagram для российской аудитории запрещена с 01.09.2025». `t` needs the
 * placements and common namespaces.
 */
export function describeRule(t: TFunction, locale: Locale, rule: RuleRow): string {
  const audience = rule.audienceMarket === "US" || rule.audienceMarket === "RU"
    ? t(`placements:audience.${rule.audienceMarket}`)
    : t("placements:audience.other", { market: t(`common:markets.${rule.audienceMarket}`) });
  const values = {
    audience,
    date: formatDay(locale, rule.effectiveFrom),
    platform: rule.platform ? platformName(t, rule.platform) : t("placements:rule.allPlatforms"),
    threshold: formatNumber(locale, rule.threshold ?? 10_000),
    count: rule.threshold ?? 10_000,
  };
  const sentence = t(`placements:rule.${rule.kind}`, values);
  return rule.effectiveTo ? `${sentence} ${t("placements:rule.until", { date: formatDay(locale, rule.effectiveTo) })}` : sentence;
}
