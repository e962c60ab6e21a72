import { minorToDecimal } from "@/lib/kernel/money";
import { intlLocale, type Locale } from "./settings";

export function formatNumber(locale: Locale, value: number | bigint): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** Formats integer minor units (cents, kopecks) as money: formatMoney("ru", 123456n, "RUB") → "1 234,56 ₽". */
export function formatMoney(locale: Locale, minor: number | bigint, currency: string): string {
  const format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency });
  // Format via a decimal string so large amounts never pass through a lossy float.
  return format.format(minorToDecimal(BigInt(minor), currency) as unknown as number); // Intl accepts decimal strings (ES2023)
}

/**
 * An exact decimal string (an FX rate, a percent) in the reader's notation: "78.1234" → "78.1234" /
 * "78,1234". Intl reads the string itself (ES2023), so the ten stored decimals never pass through a float.
 */
export function formatDecimal(locale: Locale, decimal: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 10 }).format(decimal as unknown as number);
}

export function formatDate(locale: Locale, date: Date | string, style: "short" | "medium" = "short"): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: style === "short" ? undefined : "medium",
    ...(style === "short" ? { day: "2-digit", month: "2-digit", year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(d);
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
  }).format(d);
}
