/**
 * IANA time zones (issue 15, part 3): the agency's zone (Tenant.timeZone) and a person's own
 * (User.timeZone) decide how instants are shown and which local day an event belongs to.
 * Intl knows the zone rules (DST included); nothing here hard-codes an offset.
 */
import { z } from "zod";

export const DEFAULT_TIME_ZONE = "UTC";

/** True when Intl knows the zone ("Europe/Moscow", "UTC"); links such as "Europe/Kiev" are accepted too. */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * What a person typed into a zone picker, as a canonical IANA name: the name itself in any case
 * ("europe/moscow" → "Europe/Moscow"), or the city part of one ("Moscow", "new york" →
 * "America/New_York"); null when it names no zone.
 */
export function resolveTimeZone(text: string): string | null {
  const typed = text.trim();
  if (isTimeZone(typed)) return new Intl.DateTimeFormat("en-US", { timeZone: typed }).resolvedOptions().timeZone;
  const city = typed.toLowerCase().replace(/\s+/g, "_");
  if (!city || city.length > 64) return null;
  const found = timeZoneNames().find((zone) => zone.toLowerCase().split("/").pop() === city);
  return found ?? null;
}

/** zod: a known IANA zone (or a city of one), stored in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const zone = resolveTimeZone(text);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: "invalid_time_zone" });
      return z.NEVER;
    }
    return zone;
  });

/** Every zone Intl lists, for pickers (UTC first). */
export function timeZoneNames(): string[] {
  const all = Intl.supportedValuesOf("timeZone");
  return [DEFAULT_TIME_ZONE, ...all.filter((zone) => zone !== DEFAULT_TIME_ZONE)];
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    partsCache.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** The zone's offset from UTC at that instant, in minutes (Moscow +180, New York −300 / −240). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The local calendar date of an instant in the zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * The instant local midnight of a YYYY-MM-DD day begins in the zone (the first instant of that local
 * day; on a day whose midnight is skipped by DST, the first existing instant).
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Two passes settle the offset across a DST change near midnight.
  let guess = utcMidnight - offsetMinutes(new Date(utcMidnight), timeZone) * 60_000;
  guess = utcMidnight - offsetMinutes(new Date(guess), timeZone) * 60_000;
  if (localDate(new Date(guess), timeZone) !== day) {
    // Midnight did not exist (a spring-forward at 00:00): step forward to the day's first instant.
    for (let step = 0; step < 4 * 60 && localDate(new Date(guess), timeZone) !== day; step += 15) guess += 15 * 60_000;
  }
  return new Date(guess);
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic, zone-free). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The zone a person reads times in, on a page or in an e-mail: their own (User.timeZone) when they
 * set one, else their agency's (Tenant.timeZone). A partner without a user account has only the agency's.
 */
export function recipientTimeZone(person: { timeZone: string | null } | null | undefined, tenant: { timeZone: string }): string {
  return person?.timeZone ?? tenant.timeZone;
}
