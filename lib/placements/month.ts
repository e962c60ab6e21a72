// A reporting month ("YYYY-MM") and its days. Placements' days (planned, published) are calendar days,
// so a month is the range of its calendar days; "this month" is the agency's (Tenant.timeZone).
import { z } from "zod";
import { localDate } from "@/lib/kernel/time-zone";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (v: string) => MONTH.test(v);

/** A month typed or passed as YYYY-MM; "month_invalid" otherwise. */
export const monthField = z.string().trim().refine(isMonth, { message: "month_invalid" });

/** The agency's current month at `now`. */
export function localMonth(now: Date, timeZone: string): string {
  return localDate(now, timeZone).slice(0, 7);
}

/** The month before / after ("2026-01" → "2025-12"). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** First and last calendar day of the month, as midnight-UTC dates (how @db.Date columns read). */
export function monthDays(month: string): { first: Date; last: Date } {
  const [y, m] = month.split("-").map(Number);
  return { first: new Date(Date.UTC(y, m - 1, 1)), last: new Date(Date.UTC(y, m, 0)) };
}
