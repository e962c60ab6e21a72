import type { TFunction } from "i18next";
import { formatNumber, formatDay } from "@/lib/i18n/format";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import { minorToDecimal } from "@/lib/kernel/money";
import { optInKind } from "./codes";

// How an opportunity's terms read on the board, in the portal and in the dashboard: one wording
// everywhere, in the viewer's language and number format.

type Terms = {
  side: "brand_seeks_creators" | "creator_seeks_brands";
  platforms: string[];
  niches: string[];
  audienceMin: number | null;
  audienceMax: number | null;
  budgetMinMinor: bigint | null;
  budgetMaxMinor: bigint | null;
  budgetCurrency: string | null;
  prepaymentPercent: number | null;
  netDays: number | null;
  barter: boolean;
  deadline: Date | null;
  slots: number;
};

/** "$2,000 – $5,000" / "2 000–5 000 $"; cents only when an amount has them. Decimal strings, never floats. */
export function formatBudget(locale: Locale, min: bigint | null, max: bigint | null, currency: string | null): string | null {
  if (!currency || (min === null && max === null)) return null;
  const decimals = [min, max].filter((v): v is bigint => v !== null).map((v) => minorToDecimal(v, currency));
  const whole = decimals.every((d) => !/\.\d*[1-9]/.test(d));
  const format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}) });
  // Intl accepts decimal strings (ES2023); the types still say number.
  const n = (d: string) => d as unknown as number;
  if (min !== null && max !== null) return min === max ? format.format(n(decimals[0])) : format.formatRange(n(decimals[0]), n(decimals[1]));
  return format.format(n(decimals[0]));
}

export function budgetText(t: TFunction, locale: Locale, o: Pick<Terms, "budgetMinMinor" | "budgetMaxMinor" | "budgetCurrency">): string | null {
  const amount = formatBudget(locale, o.budgetMinMinor, o.budgetMaxMinor, o.budgetCurrency);
  if (!amount) return null;
  if (o.budgetMinMinor !== null && o.budgetMaxMinor === null) return t("opportunities:terms.from", { value: amount });
  if (o.budgetMinMinor === null && o.budgetMaxMinor !== null) return t("opportunities:terms.upTo", { value: amount });
  return amount;
}

export function audienceText(t: TFunction, locale: Locale, o: Pick<Terms, "audienceMin" | "audienceMax">): string | null {
  const { audienceMin: min, audienceMax: max } = o;
  if (min !== null && max !== null) return `${formatNumber(locale, min)}–${formatNumber(locale, max)}`;
  if (min !== null) return t("opportunities:terms.from", { value: formatNumber(locale, min) });
  if (max !== null) return t("opportunities:terms.upTo", { value: formatNumber(locale, max) });
  return null;
}

/** "50% prepayment · net 30 days · barter possible". */
export function paymentText(t: TFunction, o: Pick<Terms, "prepaymentPercent" | "netDays" | "barter">): string | null {
  const parts = [
    o.prepaymentPercent !== null ? t("opportunities:terms.prepayment", { percent: o.prepaymentPercent }) : null,
    o.netDays !== null ? t("opportunities:terms.netDays", { count: o.netDays }) : null,
    o.barter ? t("opportunities:terms.barter") : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** "5 creators" / "5 авторов": who the opportunity looks for, and how many. */
export function slotsText(t: TFunction, o: Pick<Terms, "side" | "slots">): string {
  return t(`opportunities:terms.slots.${optInKind(o.side)}`, { count: o.slots });
}

/** The labelled terms of an opportunity, leaving out what was not set. */
export function termFacts(t: TFunction, locale: Locale, o: Terms): { label: string; value: string }[] {
  const facts: { label: string; value: string | null }[] = [
    { label: t("opportunities:terms.lookingFor"), value: slotsText(t, o) },
    { label: t("opportunities:terms.budget"), value: budgetText(t, locale, o) },
    { label: t("opportunities:terms.payment"), value: paymentText(t, o) },
    { label: t("opportunities:terms.platforms"), value: o.platforms.map((p) => t(`common:platforms.${p}`, { defaultValue: p })).join(", ") || null },
    { label: t("opportunities:terms.niches"), value: o.niches.join(", ") || null },
    { label: t("opportunities:terms.audience"), value: audienceText(t, locale, o) },
    { label: t("opportunities:terms.deadline"), value: o.deadline ? formatDay(locale, o.deadline) : null },
  ];
  return facts.filter((f): f is { label: string; value: string } => !!f.value);
}
