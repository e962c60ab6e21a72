import { parseDottedDate } from "./cbr";

/** "2026-11-26" or "26.11.2026" → that UTC day; null when it is not a real calendar day. */
export function parseRateDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!iso) return parseDottedDate(text);
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** YYYY-MM-DD of a UTC day. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}
