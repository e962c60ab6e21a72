// Currency conversion of event amounts into rule currencies for a whole batch of events: one rates
// query per batch instead of one per event. Same rules as lib/fx/convert.ts `convertToReporting`
// (it uses the same pure core, pick-rate.ts): the rate of the event's UTC day, at most 7 days old,
// direct, inverse or cross via RUB; a missing rate is reported, never guessed.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { formatRatio, type Ratio } from "@/lib/fx/decimal";
import { CROSS_CURRENCY, convertMinor, oldestRateDay, pickRate, utcDay, type RateRow } from "@/lib/fx/pick-rate";
import type { ConvertedBase } from "./compute";

type SourcedRate = RateRow & { source: string };

export type FxBook = { convert(amountMinor: bigint, currency: string, target: string, at: Date): ConvertedBase | null };

/** Loads every rate that can matter for converting `currencies` into `targets` on days in [from, to]. */
export async function loadFxBook(db: TenantDb | TenantTx, currencies: string[], targets: string[], from: Date, to: Date): Promise<FxBook> {
  const codes = [...new Set([...currencies, ...targets, CROSS_CURRENCY])];
  const needed = currencies.some((c) => targets.some((t) => t !== c));
  const rows: SourcedRate[] = needed
    ? (await db.fxRate.findMany({
        where: { day: { gte: oldestRateDay(from), lte: utcDay(to) }, base: { in: codes }, quote: { in: codes } },
        select: { base: true, quote: true, day: true, rate: true, source: true },
      })).map((r) => ({ base: r.base, quote: r.quote, day: r.day, rate: r.rate.toFixed(), source: r.source }))
    : [];
  // Per (currency, target, day): the picked rate and how it is recorded; null = missing.
  const picks = new Map<string, { rate: Ratio; fx: NonNullable<ConvertedBase["fx"]> } | null>();
  return {
    convert(amountMinor, currency, target, at) {
      if (currency === target) return { amountMinor, fx: null };
      const day = utcDay(at);
      const key = `${currency}|${target}|${day.getTime()}`;
      if (!picks.has(key)) {
        const picked = pickRate(rows, currency, target, day);
        if (!picked) picks.set(key, null);
        else {
          const legs = new Set([currency, target, CROSS_CURRENCY]);
          const sources = [...new Set(rows
            .filter((r) => r.day.getTime() === picked.rateDay.getTime() && legs.has(r.base) && legs.has(r.quote))
            .map((r) => r.source))].sort();
          picks.set(key, {
            rate: picked.rate,
            fx: { rate: formatRatio(picked.rate, 10), rateDay: picked.rateDay.toISOString().slice(0, 10), source: `${sources.join("+") || "fx"} (${picked.via})` },
          });
        }
      }
      const pick = picks.get(key);
      return pick ? { amountMinor: convertMinor(amountMinor, currency, target, pick.rate), fx: pick.fx } : null;
    },
  };
}
