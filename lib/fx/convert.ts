// Converting event amounts into the tenant's reporting currency with the rate of the event day.
// The rules live in pick-rate.ts (pure); this file only loads the candidate rates from the tenant's
// own table (the tenant-scoped client makes another tenant's rates unreachable) and writes results.
import type { TenantDb } from "@/lib/db/tenant-client";
import { formatRatio } from "./decimal";
import { CROSS_CURRENCY, convertMinor, oldestRateDay, pickRate, utcDay, type RateRow } from "./pick-rate";

export type ConvertInput = { amountMinor: bigint; currency: string; reportingCurrency: string; day: Date };
export type ConvertResult = { ok: true; minor: bigint; rate: string; rateDay: Date } | { ok: false; reason: "missing_rate" };

/** Rates that can matter for converting any of `currencies` into `reporting` on days in [from, to]. */
async function loadRates(db: TenantDb, currencies: string[], reporting: string, from: Date, to: Date): Promise<RateRow[]> {
  const codes = [...new Set([...currencies, reporting, CROSS_CURRENCY])];
  const rows = await db.fxRate.findMany({
    where: { day: { gte: oldestRateDay(from), lte: utcDay(to) }, base: { in: codes }, quote: { in: codes } },
    select: { base: true, quote: true, day: true, rate: true },
  });
  // toFixed() (not toString()) so a tiny rate never comes back in exponent notation.
  return rows.map((r) => ({ base: r.base, quote: r.quote, day: r.day, rate: r.rate.toFixed() }));
}

/**
 * `amountMinor` of `currency` in `reportingCurrency` minor units, with the rate of `day` (latest rate
 * on or before it, at most 7 days old; direct, inverse or cross via RUB). A missing rate is reported
 * as missing — never guessed. `rate` is the applied rate to 10 decimals (what FxRate/ConversionEvent store).
 */
export async function convertToReporting(db: TenantDb, input: ConvertInput): Promise<ConvertResult> {
  const rows =
    input.currency === input.reportingCurrency
      ? []
      : await loadRates(db, [input.currency], input.reportingCurrency, input.day, input.day);
  return convertWithRows(rows, input);
}

function convertWithRows(rows: RateRow[], input: ConvertInput): ConvertResult {
  const picked = pickRate(rows, input.currency, input.reportingCurrency, input.day);
  if (!picked) return { ok: false, reason: "missing_rate" };
  return {
    ok: true,
    minor: convertMinor(input.amountMinor, input.currency, input.reportingCurrency, picked.rate),
    rate: formatRatio(picked.rate, 10),
    rateDay: picked.rateDay,
  };
}

const BATCH = 500;

/**
 * After rates are imported: fills the reporting amount of events that have an amount but no
 * conversion yet (their rate was missing). Walks the events in id order in batches, so events that
 * still have no rate are passed over rather than re-read forever. Returns how many were filled.
 */
export async function reconvertMissing(db: TenantDb, tenantId: string, reportingCurrency: string): Promise<number> {
  let filled = 0;
  let afterId = "";
  for (;;) {
    const events = await db.conversionEvent.findMany({
      // tenantId is forced by the scoped client too; repeated here so the intent is visible.
      where: { tenantId, id: { gt: afterId }, amountMinor: { not: null }, currency: { not: null }, reportingAmountMinor: null },
      select: { id: true, amountMinor: true, currency: true, occurredAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (events.length === 0) return filled;
    afterId = events[events.length - 1].id;

    const times = events.map((e) => e.occurredAt.getTime());
    const rows = await loadRates(
      db,
      events.map((e) => e.currency!),
      reportingCurrency,
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
    );
    const picks = new Map<string, ReturnType<typeof pickRate>>();
    const ids: string[] = [];
    const minors: string[] = [];
    const rates: string[] = [];
    const days: string[] = [];
    for (const event of events) {
      const day = utcDay(event.occurredAt);
      const key = `${event.currency}|${day.getTime()}`;
      if (!picks.has(key)) picks.set(key, pickRate(rows, event.currency!, reportingCurrency, day));
      const picked = picks.get(key);
      if (!picked) continue;
      ids.push(event.id);
      minors.push(convertMinor(event.amountMinor!, event.currency!, reportingCurrency, picked.rate).toString());
      rates.push(formatRatio(picked.rate, 10));
      days.push(picked.rateDay.toISOString().slice(0, 10));
    }
    if (ids.length > 0) {
      // One statement per batch instead of one UPDATE per event. Raw SQL is not scoped by the
      // tenant client, so the tenant is in the WHERE explicitly; `reportingAmountMinor IS NULL`
      // keeps a concurrent writer's conversion.
      filled += await db.$executeRaw`
        UPDATE "ConversionEvent" AS e
        SET "reportingAmountMinor" = v.minor, "reportingCurrency" = ${reportingCurrency},
            "fxRate" = v.rate, "fxRateDay" = v.day
        FROM unnest(${ids}::text[], ${minors}::bigint[], ${rates}::numeric[], ${days}::date[]) AS v(id, minor, rate, day)
        WHERE e.id = v.id AND e."tenantId" = ${tenantId} AND e."reportingAmountMinor" IS NULL`;
    }
    if (events.length < BATCH) return filled;
  }
}
