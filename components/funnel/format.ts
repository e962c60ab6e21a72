import { formatNumber } from "@/lib/i18n/format";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import { NO_SPLIT_KEY, type Rate, type SplitDimension } from "@/lib/funnel/types";
import type { TFunction } from "i18next";

/** 0.42 → "42%", 0.0345 → "3.5%" (ru: "3,5 %"): one decimal under 10 % so small rates stay readable. */
export function formatPercent(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: value < 0.1 ? 1 : 0 }).format(value);
}

/** The rate's value, or "—" when there is nothing to divide by (never a made-up 0 %). */
export function rateValue(locale: Locale, rate: Rate, t: TFunction): string {
  return rate.value === null ? t("funnel:rates.none") : formatPercent(locale, rate.value);
}

/** "37 of 412" / «37 из 412». */
export function rateBasis(locale: Locale, rate: Rate, t: TFunction): string {
  return t("funnel:rates.basis", { numerator: formatNumber(locale, rate.numerator), denominator: formatNumber(locale, rate.denominator) });
}

/** Minor units as a plain number of major units, for chart axes only (tables use formatMoney). */
export function minorToNumber(minor: bigint, currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Number(minor) / 10 ** digits;
}

/** The name of a split row as people read it: "US→RU", "Cross-market", a program or partner name. */
export function splitRowLabel(dim: SplitDimension, row: { key: string; label: string }, t: TFunction): string {
  if (row.key === NO_SPLIT_KEY) return t("funnel:noValue");
  if (dim === "crossMarket") return t(`funnel:cross.${row.key}`, { defaultValue: row.label });
  if (dim === "marketPair") return row.key.replace(">", "→");
  return row.label;
}
