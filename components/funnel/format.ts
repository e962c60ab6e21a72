import { formatNumber } from "@/lib/i18n/format";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import { minorDigits } from "@/lib/kernel/money";
import { readRate, type RateKey } from "@/lib/funnel/rate-reading";
import { NO_SPLIT_KEY, type FunnelBasis, type Rate, type SplitDimension } from "@/lib/funnel/types";
import type { TFunction } from "i18next";
import { marketPairKeyLabel } from "@/components/referrals/market-pair-label";

/** 0.42 → "42%", 0.0345 → "3.5%" (ru: "3,5 %"): one decimal under 10 % so small rates stay readable. */
export function formatPercent(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: value < 0.1 ? 1 : 0 }).format(value);
}

/**
 * The rate's value, or "—" when there is nothing to divide by or the numerator exceeds the
 * denominator (never a made-up 0 % nor 200 %). Callers that know the rate and basis use rateTexts.
 */
export function rateValue(locale: Locale, rate: Rate, t: TFunction): string {
  return rate.value === null || rate.value > 1 || rate.value < 0 ? t("funnel:rates.none") : formatPercent(locale, rate.value);
}

/** "37 of 412" / «37 из 412». */
export function rateBasis(locale: Locale, rate: Rate, t: TFunction): string {
  return t("funnel:rates.basis", { numerator: formatNumber(locale, rate.numerator), denominator: formatNumber(locale, rate.denominator) });
}

/** Which stage sits above and below each rate (the numerator's and the denominator's). */
const stagesOf: Record<RateKey, { numerator: "referrals" | "qualified" | "closes"; denominator: "clicks" | "referrals" | "qualified" }> = {
  clickToReferral: { numerator: "referrals", denominator: "clicks" },
  referralToQualified: { numerator: "qualified", denominator: "referrals" },
  qualifiedToClose: { numerator: "closes", denominator: "qualified" },
  referralToClose: { numerator: "closes", denominator: "referrals" },
};

/**
 * What a person reads for a rate (see lib/funnel/rate-reading.ts): a share shows "42 %" and
 * "37 of 412"; anything else shows "—", the two counts said in words ("2 closes vs 1 qualified
 * lead in the period") and a one-line reason.
 */
export type RateTexts = { value: string; counts: string; reason?: string };

export function rateTexts(locale: Locale, key: RateKey, rate: Rate, basis: FunnelBasis, t: TFunction): RateTexts {
  const reading = readRate(key, rate, basis);
  if (reading.kind === "share") return { value: formatPercent(locale, reading.value), counts: rateBasis(locale, rate, t) };
  const stages = stagesOf[key];
  const pair = t(reading.kind === "ratio" ? "funnel:rates.pair.period" : "funnel:rates.pair.cohort", {
    numerator: t(`funnel:rates.count.${stages.numerator}`, { count: reading.numerator }),
    against: t(`funnel:rates.against.${stages.denominator}`, { count: reading.denominator }),
  });
  return { value: t("funnel:rates.none"), counts: pair, reason: t(`funnel:rates.why.${reading.reason}`) };
}

/** Minor units as a plain number of major units, for chart axes only (tables use formatMoney). */
export function minorToNumber(minor: bigint, currency: string): number {
  return Number(minor) / 10 ** minorDigits(currency);
}

/** The name of a split row as people read it: «США → Россия», "Cross-market", a program or partner name. */
export function splitRowLabel(dim: SplitDimension, row: { key: string; label: string }, t: TFunction): string {
  if (row.key === NO_SPLIT_KEY) return t("funnel:noValue");
  if (dim === "crossMarket") return t(`funnel:cross.${row.key}`, { defaultValue: row.label });
  if (dim === "marketPair") return marketPairKeyLabel(t, row.key);
  return row.label;
}
