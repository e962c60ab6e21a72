// Tax thresholds are global reference data (not tenant-owned): the 1099-NEC reporting threshold
// and the НПД income cap per year. Read-only here; new years are added by a migration or the seed.
// Owner read through a SystemContext: the table belongs to no tenant (the tenant-scoped client refuses it).
import { systemContext } from "@/lib/auth/contexts/system";

export type TaxThresholdKind = "US-1099-NEC" | "RU-NPD-CAP";
export type Threshold = { kind: TaxThresholdKind; year: number; amountMinor: bigint; currency: string; /** The year whose row applies (earlier than asked when that year has no row). */ fromYear: number };

/**
 * The threshold for `year`. A year without its own row uses the latest earlier year's row (and says
 * so through `fromYear`); null when no row at or before `year` exists.
 */
export async function thresholdFor(kind: TaxThresholdKind, year: number): Promise<Threshold | null> {
  const row = await systemContext("tax-thresholds").db.taxThreshold.findFirst({ where: { kind, year: { lte: year } }, orderBy: { year: "desc" } });
  return row ? { kind, year, amountMinor: row.amountMinor, currency: row.currency, fromYear: row.year } : null;
}
