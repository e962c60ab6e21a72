// Parsing an FX rates CSV (columns date, base, quote, rate; header required) into rows to upsert
// and per-row errors. Pure: the import in import-rates.ts stores what this returns.
import { DomainError } from "@/lib/kernel/errors";
import { readCsv, rowRecord } from "@/lib/kernel/csv-read";
import type { RowError } from "@/lib/kernel/row-error";
import type { ParsedRate } from "./cbr";
import { isCurrencyCode } from "./currency";
import { formatRatio, parseDecimal } from "./decimal";
import { isoDay, parseRateDate } from "./dates";
import { MAX_RATE_ROWS } from "./limits";
import { controlCharacterKey } from "@/lib/kernel/text";

export const RATE_COLUMNS = ["date", "base", "quote", "rate"] as const;
/** Decimal(20,10): at most 10 digits before the point. */
const MAX_INTEGER_DIGITS = 10;

/** "78,1234" / "78.1234" / "1 234,5" → exact decimal string with ≤ 10 decimals; null when not a positive number. */
export function parseRateText(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if ((compact.match(/[.,]/g) ?? []).length > 1) return null;
  const value = parseDecimal(compact.replace(",", "."));
  if (!value || value.n === 0n) return null;
  const formatted = formatRatio(value, 10);
  if (formatted === "0" || formatted.split(".")[0].length > MAX_INTEGER_DIGITS) return null;
  return formatted;
}

export function parseRatesCsv(text: string): { rates: ParsedRate[]; errors: RowError[] } {
  const read = readCsv(text, MAX_RATE_ROWS);
  if (!read.ok) {
    throw read.code === "empty" ? new DomainError("fx.csv_empty") : new DomainError("fx.csv_too_many_rows");
  }
  const { header, rows } = read.table;
  const missing = RATE_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new DomainError("fx.csv_header_invalid");
  if (rows.length === 0) throw new DomainError("fx.csv_empty");

  const rates: ParsedRate[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const record = rowRecord(header, cells);
    const dirty = controlCharacterKey(record);
    if (dirty !== undefined) {
      errors.push({ row, column: dirty, code: "control_characters" });
      continue;
    }
    const day = parseRateDate(record.date);
    const base = record.base.toUpperCase();
    const quote = record.quote.toUpperCase();
    const rate = parseRateText(record.rate);
    const before = errors.length;
    if (!day) errors.push({ row, column: "date", code: "fx.csv_date_invalid" });
    if (!isCurrencyCode(base)) errors.push({ row, column: "base", code: "fx.currency_invalid" });
    if (!isCurrencyCode(quote)) errors.push({ row, column: "quote", code: "fx.currency_invalid" });
    else if (base === quote) errors.push({ row, column: "quote", code: "fx.csv_same_currency" });
    if (!rate) errors.push({ row, column: "rate", code: "fx.csv_rate_invalid" });
    if (errors.length > before || !day || !rate) continue;

    const key = `${base}/${quote}/${isoDay(day)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, code: "fx.csv_duplicate", values: { row: first } });
      continue;
    }
    seen.set(key, row);
    rates.push({ day, base, quote, rate });
  }
  return { rates, errors };
}
