/**
 * Calendar dates as people type them (issue 15, part 3): «06.12.2026» on a Russian page,
 * "12/06/2026" on an English one, and ISO "2026-12-06" anywhere. The dot form is always
 * day.month.year and the slash form always month/day/year (the US order), so a date never depends
 * on the page it was typed on. Stored and put in URLs as ISO "YYYY-MM-DD".
 */
import { z } from "zod";

type Lang = "en" | "ru";

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null; // 31.02, 29.02 of a common year
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "06.12.2026", "6.12.2026", "12/06/2026", "2026-12-06" → "2026-12-06"; null for anything else. */
export function parseDayInput(text: string): string | null {
  const v = text.trim().replace(/\s+/g, "");
  let m = ISO.exec(v);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DOTS.exec(v);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = SLASHES.exec(v);
  if (m) return isoOf(Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

/** "2026-12-06" as the page's language writes it: «06.12.2026» / "12/06/2026". Other text is returned as is. */
export function formatDayInput(lang: Lang | string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return lang === "ru" ? `${m[3]}.${m[2]}.${m[1]}` : `${m[2]}/${m[3]}/${m[1]}`;
}

/** What a date box shows while empty: «ДД.ММ.ГГГГ» / "MM/DD/YYYY". */
export function dayInputPlaceholder(lang: Lang | string): string {
  return lang === "ru" ? "ДД.ММ.ГГГГ" : "MM/DD/YYYY";
}

/** zod: a typed date → "YYYY-MM-DD", or the translated "date_format" error (errors.json). */
export const dayInputSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const day = parseDayInput(text);
    if (!day) {
      ctx.addIssue({ code: "custom", message: "date_format" });
      return z.NEVER;
    }
    return day;
  });

/**
 * For schemas that already read ISO days (URL filters, existing actions): turns a typed date into
 * ISO first and leaves anything else for the schema to refuse in its own words.
 */
export const typedDayToIso = (value: unknown): unknown => (typeof value === "string" ? (parseDayInput(value) ?? value) : value);
