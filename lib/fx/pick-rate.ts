// The pure core of currency conversion: which stored rate applies to an event, and the exact
// converted amount. No database here, so every rule is unit-tested (pick-rate.test.ts).
import { minorDigits } from "@/lib/kernel/money";
import { divide, invert, parseDecimal, roundHalfEven, type Ratio } from "./decimal";

/** A stored rate: 1 `base` = `rate` `quote` on `day` (UTC midnight). */
export type RateRow = { base: string; quote: string; day: Date; rate: string };

export type PickedRate = { rate: Ratio; rateDay: Date; via: "identity" | "direct" | "inverse" | "cross" };

/** The CBR publishes on business days only; a rate older than this is never used ("missing", not guessed). */
export const MAX_RATE_AGE_DAYS = 7;
export const CROSS_CURRENCY = "RUB";
const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as a Date at UTC midnight. Events are dated in UTC. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The oldest rate day still acceptable for an event on `day`. */
export function oldestRateDay(day: Date): Date {
  return new Date(utcDay(day).getTime() - MAX_RATE_AGE_DAYS * DAY_MS);
}

type Leg = { rate: Ratio; day: number };

/** Latest rate for currency `from` expressed in `to` (direct row, else inverse row) per rate day, within the window. */
function legsByDay(rows: RateRow[], from: string, to: string, min: number, max: number, allowInverse: boolean) {
  const direct = new Map<number, Ratio>();
  const inverse = new Map<number, Ratio>();
  for (const row of rows) {
    const day = utcDay(row.day).getTime();
    if (day < min || day > max) continue;
    const rate = parseDecimal(row.rate);
    if (!rate || rate.n === 0n) continue;
    if (row.base === from && row.quote === to) direct.set(day, rate);
    else if (allowInverse && row.base === to && row.quote === from) inverse.set(day, invert(rate));
  }
  return { direct, inverse };
}

function latest(map: Map<number, Ratio>): Leg | null {
  let best: Leg | null = null;
  for (const [day, rate] of map) if (!best || day > best.day) best = { day, rate };
  return best;
}

/**
 * The rate to convert `currency` into `reporting` for an event on `eventDay`:
 * same currency → 1; else the latest direct pair (currency→reporting) on or before the day and not
 * older than 7 days; else the latest inverse pair; else a cross through RUB with both legs taken
 * from the same rate day (each leg direct or inverse). Null when nothing qualifies.
 */
export function pickRate(rows: RateRow[], currency: string, reporting: string, eventDay: Date): PickedRate | null {
  const day = utcDay(eventDay);
  if (currency === reporting) return { rate: { n: 1n, d: 1n }, rateDay: day, via: "identity" };
  const max = day.getTime();
  const min = oldestRateDay(day).getTime();

  const pair = legsByDay(rows, currency, reporting, min, max, true);
  const direct = latest(pair.direct);
  if (direct) return { rate: direct.rate, rateDay: new Date(direct.day), via: "direct" };
  const inverse = latest(pair.inverse);
  if (inverse) return { rate: inverse.rate, rateDay: new Date(inverse.day), via: "inverse" };

  if (currency === CROSS_CURRENCY || reporting === CROSS_CURRENCY) return null;
  const from = mergeLegs(legsByDay(rows, currency, CROSS_CURRENCY, min, max, true));
  const to = mergeLegs(legsByDay(rows, reporting, CROSS_CURRENCY, min, max, true));
  const days = [...from.keys()].filter((d) => to.has(d)).sort((a, b) => b - a);
  if (days.length === 0) return null;
  const rateDay = days[0];
  // 1 currency = a RUB, 1 reporting = b RUB  →  1 currency = a / b reporting.
  return { rate: divide(from.get(rateDay)!, to.get(rateDay)!), rateDay: new Date(rateDay), via: "cross" };
}

/** Per day, the direct row wins over the inverse one. */
function mergeLegs({ direct, inverse }: { direct: Map<number, Ratio>; inverse: Map<number, Ratio> }) {
  const merged = new Map(inverse);
  for (const [day, rate] of direct) merged.set(day, rate);
  return merged;
}

/**
 * `amountMinor` of `currency` in minor units of `reporting`, exact, rounded half-even once:
 * minor × rate × 10^(target digits) / 10^(source digits). JPY has 0 digits, USD/RUB/EUR/KZT 2.
 */
export function convertMinor(amountMinor: bigint, currency: string, reporting: string, rate: Ratio): bigint {
  const source = 10n ** BigInt(minorDigits(currency));
  const target = 10n ** BigInt(minorDigits(reporting));
  return roundHalfEven(amountMinor * rate.n * target, rate.d * source);
}
