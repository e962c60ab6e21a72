import { minorToDecimal } from "@/lib/kernel/money";
import { offsetMinutes, timeZoneNames } from "@/lib/kernel/time-zone";
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

/**
 * How a viewer reads times (issue 15, part 3): the page's language and the viewer's IANA zone —
 * a person's own zone (User.timeZone) or else the agency's (Tenant.timeZone); public pages use the
 * agency's. Pages build it once from their context (`ctx.viewerTimeZone`) and pass it down; the
 * server formats every time, so a client component gets strings, never a Date it would format in
 * the browser's zone.
 */
export type Formatting = { readonly locale: Locale; readonly timeZone: string };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string, kind: "date" | "medium" | "dateTime"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "medium" ? { dateStyle: "medium" }
      : kind === "date" ? { day: "2-digit", month: "2-digit", year: "numeric" }
      : { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" };
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

const toDate = (date: Date | string) => (typeof date === "string" ? new Date(date) : date);

/**
 * The calendar date of an INSTANT (createdAt, occurredAt, paidAt…) as the viewer's zone sees it:
 * 23:30 UTC on 5 Dec is «06.12.2026» in Moscow. For a stored calendar date (`@db.Date`: FX rate
 * days, rollup days, booking and signature dates) use formatDay, which never shifts a day.
 */
export function formatDate(f: Formatting, instant: Date | string, style: "short" | "medium" = "short"): string {
  return dateTimeFormat(f.locale, f.timeZone, style === "short" ? "date" : "medium").format(toDate(instant));
}

/** An instant with its time and zone: «06.12.2026, 15:50 (МСК)», "12/06/2026, 07:50 AM EST". */
export function formatDateTime(f: Formatting, instant: Date | string): string {
  const d = toDate(instant);
  const text = dateTimeFormat(f.locale, f.timeZone, "dateTime").format(d);
  const zone = zoneLabel(f, d);
  // A no-break space keeps the zone with the time; a narrow column may still wrap after the date.
  return f.locale === "ru" ? `${text}\u00a0(${zone})` : `${text}\u00a0${zone}`;
}

/**
 * A calendar date with no time of day (`@db.Date` columns, "YYYY-MM-DD" strings, a tax year's
 * day): shown as stored, in no zone — «26.11.2026» is the FX rate's day wherever the reader is.
 */
export function formatDay(locale: Locale, day: Date | string, style: "short" | "medium" = "short"): string {
  const d = typeof day === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day) : day;
  return dateTimeFormat(locale, "UTC", style === "short" ? "date" : "medium").format(d);
}

// Russia's zones, which Russians name by their distance from Moscow («МСК+2» for Yekaterinburg).
const russianZones = new Set([
  "Europe/Kaliningrad", "Europe/Moscow", "Europe/Simferopol", "Europe/Kirov", "Europe/Volgograd", "Europe/Astrakhan",
  "Europe/Samara", "Europe/Saratov", "Europe/Ulyanovsk", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk",
  "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Chita", "Asia/Yakutsk",
  "Asia/Khandyga", "Asia/Vladivostok", "Asia/Ust-Nera", "Asia/Magadan", "Asia/Sakhalin", "Asia/Srednekolymsk",
  "Asia/Kamchatka", "Asia/Anadyr", "W-SU",
]);

/** "+3", "−5", "+5:30" (a real minus sign). */
function signedHours(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/** The zone's offset at that instant: "UTC+3", "UTC−4", "UTC" for zero. */
export function utcOffsetLabel(timeZone: string, instant: Date = new Date()): string {
  const minutes = offsetMinutes(instant, timeZone);
  return minutes === 0 ? "UTC" : `UTC${signedHours(minutes)}`;
}

/**
 * A short label of the zone at that instant, the way a reader of the page's language writes it:
 * Russian: «МСК», «МСК+2» for Russia's zones, else «UTC+5»; English: the abbreviation Intl knows
 * for the place ("EST"/"EDT", "PST", "GMT", "UTC"; "MSK" for Moscow time), else "UTC+3".
 */
export function zoneLabel(f: Formatting, instant: Date = new Date()): string {
  if (f.timeZone === "UTC" || f.timeZone === "Etc/UTC") return "UTC";
  const fromMoscow = russianZones.has(f.timeZone) ? offsetMinutes(instant, f.timeZone) - offsetMinutes(instant, "Europe/Moscow") : null;
  if (f.locale === "ru") {
    if (fromMoscow !== null) return fromMoscow === 0 ? "МСК" : `МСК${signedHours(fromMoscow)}`;
    return utcOffsetLabel(f.timeZone, instant);
  }
  if (fromMoscow === 0) return "MSK";
  const short = new Intl.DateTimeFormat("en-US", { timeZone: f.timeZone, timeZoneName: "short" })
    .formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "";
  return /^[A-Z]{2,5}$/.test(short) ? short : utcOffsetLabel(f.timeZone, instant);
}

/** The zone for a sentence or a picker: «Москва (UTC+3)», "Eastern Time (UTC−5)", "UTC". */
export function zoneDescription(f: Formatting, instant: Date = new Date()): string {
  if (f.timeZone === "UTC" || f.timeZone === "Etc/UTC") return "UTC";
  const name = new Intl.DateTimeFormat(intlLocale(f.locale), { timeZone: f.timeZone, timeZoneName: "longGeneric" })
    .formatToParts(instant).find((p) => p.type === "timeZoneName")?.value;
  const place = name && !/^(GMT|UTC)/.test(name) ? name.replace(/, стандартное время$/, "") : f.timeZone.split("/").pop()!.replace(/_/g, " ");
  return `${place} (${utcOffsetLabel(f.timeZone, instant)})`;
}

export type TimeZoneOption = { value: string; label: string };
const optionCache = new Map<string, TimeZoneOption[]>();

/**
 * Every zone for a picker, west to east: value "Europe/Moscow", label «Москва (UTC+3)». Made on
 * the server (offsets as of `now`, cached per hour) and handed to the client picker as data.
 */
export function timeZoneOptions(locale: Locale, now: Date = new Date()): TimeZoneOption[] {
  const key = `${locale}|${Math.floor(now.getTime() / 3_600_000)}`;
  let options = optionCache.get(key);
  if (!options) {
    options = timeZoneNames()
      .map((zone) => ({ zone, offset: offsetMinutes(now, zone) }))
      .sort((a, b) => (a.zone === "UTC" ? -1 : b.zone === "UTC" ? 1 : a.offset - b.offset || a.zone.localeCompare(b.zone)))
      .map(({ zone }) => ({ value: zone, label: zoneDescription({ locale, timeZone: zone }, now) }));
    if (optionCache.size > 8) optionCache.clear();
    optionCache.set(key, options);
  }
  return options;
}

/** A calendar month ("YYYY-MM") by name: «ноябрь 2026 г.», "November 2026". */
export function formatMonth(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}
