// Importing FX rates from an uploaded file (a rates CSV or a CBR daily XML) into the tenant's own
// rates table, then converting the events that were waiting for those rates.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError } from "@/lib/kernel/errors";
import type { RowError } from "@/lib/kernel/row-error";
import { parseCbrDaily, type ParsedRate } from "./cbr";
import { MAX_RATES_FILE_BYTES } from "./limits";

export { MAX_RATES_FILE_BYTES };
import { reconvertMissing } from "./convert";
import { parseDecimal } from "./decimal";
import { parseRatesCsv } from "./rates-csv";

const CHUNK = 500;

export type RateSource = "csv" | "cbr";
export type StoreResult = { imported: number; updated: number; unchanged: number };
export type RatesImportSummary = StoreResult & { format: RateSource; errors: RowError[]; reconverted: number };

function sameRate(a: string, b: string): boolean {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return !!x && !!y && x.n * y.d === y.n * x.d;
}

/** Upserts rates (unique per tenant, base, quote, day): new rows created, changed rates updated. */
export async function storeRates(ctx: TenantContext, rates: ParsedRate[], source: RateSource): Promise<StoreResult> {
  assertCan(ctx, "integrations:manage");
  const result: StoreResult = { imported: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rates.length; start += CHUNK) {
    const chunk = rates.slice(start, start + CHUNK);
    const existing = await ctx.db.fxRate.findMany({
      where: { OR: chunk.map(({ base, quote, day }) => ({ base, quote, day })) },
      select: { id: true, base: true, quote: true, day: true, rate: true },
    });
    const byKey = new Map(existing.map((row) => [`${row.base}/${row.quote}/${row.day.getTime()}`, row]));
    const fresh: ParsedRate[] = [];
    const changed: { id: string; rate: string }[] = [];
    for (const rate of chunk) {
      const found = byKey.get(`${rate.base}/${rate.quote}/${rate.day.getTime()}`);
      if (!found) fresh.push(rate);
      else if (sameRate(found.rate.toFixed(), rate.rate)) result.unchanged += 1;
      else changed.push({ id: found.id, rate: rate.rate });
    }
    const [created, ...updated] = await ctx.db.$transaction([
      ctx.db.fxRate.createMany({
        data: fresh.map((r) => ({ tenantId: ctx.tenantId, base: r.base, quote: r.quote, day: r.day, rate: r.rate, source })),
        skipDuplicates: true, // a concurrent import of the same file must not fail this one
      }),
      ...changed.map((c) => ctx.db.fxRate.updateMany({ where: { id: c.id }, data: { rate: c.rate, source } })),
    ]);
    result.imported += created.count;
    result.updated += updated.reduce((sum, u) => sum + u.count, 0);
  }
  return result;
}

function looksLikeXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64)).replace(/^(\uFEFF|ï»¿)/, "").trimStart();
  return head.startsWith("<");
}

/** Imports an uploaded rates file: CBR XML (detected by content) or CSV. Bad CSV rows are reported, good rows stored. */
export async function importRatesFile(ctx: TenantContext, bytes: Uint8Array): Promise<RatesImportSummary> {
  assertCan(ctx, "integrations:manage");
  if (bytes.length === 0) throw new DomainError("fx.csv_empty");
  if (bytes.length > MAX_RATES_FILE_BYTES) throw new DomainError("fx.file_too_large");

  const format: RateSource = looksLikeXml(bytes) ? "cbr" : "csv";
  const { rates, errors } =
    format === "cbr"
      ? { rates: parseCbrDaily(bytes).rates, errors: [] as RowError[] }
      : parseRatesCsv(new TextDecoder("utf-8").decode(bytes));

  const stored = await storeRates(ctx, rates, format);
  const reconverted = await reconvertMissing(ctx.db, ctx.tenantId, ctx.reportingCurrency);
  await recordAudit(ctx, {
    action: "fx.rates_imported",
    entityType: "FxRate",
    data: { format, ...stored, errors: errors.length, reconverted },
  });
  return { format, ...stored, errors, reconverted };
}
