// The daily `fx:cbr-daily` job (lib/jobs/tasks.ts): fetches the Central Bank of Russia's daily rates
// (FX_CBR_URL, default the CBR's XML_daily.asp) once, and gives every tenant that converts between
// currencies the rates it is MISSING for that day — exactly what a staff upload of the same file
// would add, minus anything staff already entered: a pair that has a rate that day, in either
// direction (RUB/USD as much as USD/RUB), is left alone, and nothing is ever updated. Then the
// tenant's events that were waiting for a rate are converted. Run twice, the second run adds nothing.
//
// Be extremely careful: runs as the process (SystemContext); each tenant's rows are written through
// forTenant(tenantId), under row-level security.
import type { SystemContext } from "@/lib/auth/contexts/system";
import type { TenantDb } from "@/lib/db/tenant-client";
import { fetchFile } from "@/lib/jobs/fetch-file";
import { parseCbrDaily, type CbrFile, type ParsedRate } from "./cbr";
import { reconvertMissing } from "./convert";
import { MAX_RATES_FILE_BYTES } from "./limits";

export const CBR_DAILY_URL = "https://www.cbr.ru/scripts/XML_daily.asp";

/** FX_CBR_URL (validated in lib/config/env.ts), else the CBR's own URL. */
export function cbrDailyUrl(value = process.env.FX_CBR_URL): string {
  return value?.trim() || CBR_DAILY_URL;
}

/** Downloads and parses the daily file; throws (writing nothing) on a network error, HTTP error or a bad file. */
export async function fetchCbrDaily(url: string, timeoutMs: number): Promise<CbrFile> {
  return parseCbrDaily(await fetchFile(url, { timeoutMs, maxBytes: MAX_RATES_FILE_BYTES }));
}

/** Market → the currency its payments are in (for "does this tenant convert at all"). */
const MARKET_CURRENCY: Record<string, string> = { US: "USD", RU: "RUB", KZ: "KZT", AM: "AMD", GE: "GEL", AE: "AED", EU: "EUR" };

/**
 * The currencies a tenant works in: its reporting currency, its markets' currencies, its commission
 * rules' and its events' currencies. With more than one it converts — and every conversion the app
 * makes goes through a rate to RUB (direct, or across RUB), which is what the CBR publishes.
 */
export async function tenantCurrencies(db: TenantDb, tenant: { reportingCurrency: string; enabledMarkets: string[] }): Promise<Set<string>> {
  const [events, rules] = await Promise.all([
    db.conversionEvent.findMany({ where: { currency: { not: null } }, distinct: ["currency"], select: { currency: true } }),
    db.commissionRule.findMany({ distinct: ["currency"], select: { currency: true } }),
  ]);
  return new Set([
    tenant.reportingCurrency,
    ...tenant.enabledMarkets.flatMap((m) => (MARKET_CURRENCY[m] ? [MARKET_CURRENCY[m]] : [])),
    ...events.flatMap((e) => (e.currency ? [e.currency] : [])),
    ...rules.map((r) => r.currency),
  ]);
}

export type TenantFill = { inserted: number; kept: number; reconverted: number };

/** Adds the file's rates the tenant has no rate for (either direction, that day); converts waiting events. */
export async function fillMissingCbrRates(db: TenantDb, tenant: { id: string; reportingCurrency: string }, file: CbrFile): Promise<TenantFill> {
  const codes = [...new Set(file.rates.flatMap((r) => [r.base, r.quote]))];
  const existing = await db.fxRate.findMany({
    where: { day: file.day, base: { in: codes }, quote: { in: codes } },
    select: { base: true, quote: true },
  });
  const taken = new Set(existing.flatMap((r) => [`${r.base}/${r.quote}`, `${r.quote}/${r.base}`]));
  const missing: ParsedRate[] = file.rates.filter((r) => !taken.has(`${r.base}/${r.quote}`));
  const created = missing.length
    ? await db.fxRate.createMany({
        data: missing.map((r) => ({ tenantId: tenant.id, base: r.base, quote: r.quote, day: r.day, rate: r.rate, source: "cbr" })),
        skipDuplicates: true, // a staff import of the same day racing this job keeps its rows
      })
    : { count: 0 };
  const reconverted = created.count ? await reconvertMissing(db, tenant.id, tenant.reportingCurrency) : 0;
  if (created.count) {
    await db.auditLog.create({
      data: {
        tenantId: tenant.id, actorUserId: null, action: "fx.rates_fetched", entityType: "FxRate",
        data: { source: "cbr", day: file.day.toISOString().slice(0, 10), imported: created.count, kept: file.rates.length - created.count, reconverted },
      },
    });
  }
  return { inserted: created.count, kept: file.rates.length - created.count, reconverted };
}

export type CbrDailySummary = { day: string; rates: number; tenants: number; filled: number; inserted: number; skipped: number };

/** The whole job: one download, then each tenant that converts (in creation order). */
export async function runCbrDaily(
  system: SystemContext,
  options: { url: string; timeoutMs: number; shouldStop?: () => boolean },
): Promise<CbrDailySummary & { interrupted: boolean }> {
  const file = await fetchCbrDaily(options.url, options.timeoutMs);
  const tenants = await system.db.tenant.findMany({
    select: { id: true, reportingCurrency: true, enabledMarkets: true },
    orderBy: { createdAt: "asc" },
  });
  const summary = { day: file.day.toISOString().slice(0, 10), rates: file.rates.length, tenants: tenants.length, filled: 0, inserted: 0, skipped: 0, interrupted: false };
  for (const tenant of tenants) {
    if (options.shouldStop?.()) return { ...summary, interrupted: true };
    const db = system.forTenant(tenant.id);
    if ((await tenantCurrencies(db, tenant)).size < 2) {
      summary.skipped++;
      continue;
    }
    const fill = await fillMissingCbrRates(db, tenant, file);
    if (fill.inserted) summary.filled++;
    summary.inserted += fill.inserted;
  }
  return summary;
}
