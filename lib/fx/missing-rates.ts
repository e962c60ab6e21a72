// The daily `fx:missing-rates` job (lib/jobs/tasks.ts). The daily `fx:cbr-daily` job (./cbr-daily.ts)
// fills in the CBR's rates ten minutes before; what it cannot give — a currency the CBR does not quote,
// a day its download failed — staff import (a rates CSV or the CBR daily XML, ./import-rates.ts), and
// an event whose day has no usable rate waits, "missing a rate", until then (docs/decisions.md, FX).
// So once a day this job names the tenants with events still waiting for a rate, in the log.
import type { TenantDb } from "@/lib/db/tenant-client";

export type MissingRates = {
  /** Events with an amount in a currency and no reporting amount (their rate is missing). */
  events: number;
  /** The earliest such event's time, or null. */
  oldest: Date | null;
  /** The latest day the tenant has any rate for, or null when it has none. */
  latestRateDay: Date | null;
};

/** One tenant's events waiting for a rate (the tenant-scoped client: row-level security applies). */
export async function missingRates(db: TenantDb): Promise<MissingRates> {
  // The same events as the FX settings page counts (./list-rates.ts, countEventsMissingRate).
  const where = { amountMinor: { not: null }, reportingAmountMinor: null };
  const [events, oldest, latest] = await Promise.all([
    db.conversionEvent.count({ where }),
    db.conversionEvent.findFirst({ where, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } }),
    db.fxRate.findFirst({ orderBy: { day: "desc" }, select: { day: true } }),
  ]);
  return { events, oldest: oldest?.occurredAt ?? null, latestRateDay: latest?.day ?? null };
}
