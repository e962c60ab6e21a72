// The browser half of the revenue-events CSV import: read the file, check the header, and cut the
// rows into chunks of raw strings for the server action (which maps and validates each row; see
// revenue-row.ts). Browser-safe: no Node modules here.
import { readCsv, rowRecord } from "@/lib/kernel/csv-read";

export const REVENUE_COLUMNS = [
  "type",
  "occurred_at",
  "customer_external_id",
  "amount",
  "amount_minor",
  "currency",
  "idempotency_key",
  "referral_id",
  "click_id",
  "customer_name",
  "promo_code",
] as const;
export type RevenueColumn = (typeof REVENUE_COLUMNS)[number];
const REQUIRED: RevenueColumn[] = ["type", "occurred_at", "customer_external_id", "currency"];

/** Limits of one import run in the browser, and of one chunk sent to the server. */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const CHUNK_ROWS = 200;
export const MAX_CHUNK_ROWS = 500;
/** Longest cell sent to the server; longer text is clipped and then fails the field's own length check. */
export const MAX_CELL = 1000;
/**
 * Longest JSON of one chunk. The file itself never travels (the browser parses it); a chunk stays far
 * below the server-action body limit (next.config.ts) so each call is small and quick.
 */
export const MAX_CHUNK_CHARS = 400_000;

/**
 * One data row as typed in the file. `occurrence` numbers identical rows (1 for the first, 2 for an
 * exact repeat further down…) so that two genuinely identical payments in one file stay two events
 * while re-importing the same file maps every row to the same derived idempotency key again.
 */
export type RawRevenueRow = { row: number; occurrence: number; values: Partial<Record<RevenueColumn, string>> };

export type HeaderProblem =
  | { code: "fx.import_empty" }
  | { code: "fx.import_too_many_rows"; values: { max: number } }
  | { code: "fx.import_columns_missing"; values: { columns: string } }
  | { code: "fx.import_columns_unknown"; values: { columns: string } };

export type RevenueFile = { ok: true; rows: RawRevenueRow[] } | { ok: false; problem: HeaderProblem };

export function checkRevenueHeader(header: string[]): HeaderProblem | null {
  const known = new Set<string>(REVENUE_COLUMNS);
  const unknown = header.filter((name) => name && !known.has(name));
  if (unknown.length > 0) return { code: "fx.import_columns_unknown", values: { columns: unknown.join(", ") } };
  const missing: string[] = REQUIRED.filter((name) => !header.includes(name));
  if (!header.includes("amount") && !header.includes("amount_minor")) missing.push("amount");
  if (missing.length > 0) return { code: "fx.import_columns_missing", values: { columns: missing.join(", ") } };
  return null;
}

export function parseRevenueFile(text: string): RevenueFile {
  const read = readCsv(text, MAX_IMPORT_ROWS);
  if (!read.ok) {
    return read.code === "empty"
      ? { ok: false, problem: { code: "fx.import_empty" } }
      : { ok: false, problem: { code: "fx.import_too_many_rows", values: { max: MAX_IMPORT_ROWS } } };
  }
  const { header, rows } = read.table;
  const problem = checkRevenueHeader(header);
  if (problem) return { ok: false, problem };
  if (rows.length === 0) return { ok: false, problem: { code: "fx.import_empty" } };

  const seen = new Map<string, number>();
  return {
    ok: true,
    rows: rows.map(({ row, cells }) => {
      const values = rowRecord(header, cells.map((cell) => cell.slice(0, MAX_CELL + 1))) as RawRevenueRow["values"];
      const signature = JSON.stringify(REVENUE_COLUMNS.map((c) => values[c] ?? ""));
      const occurrence = (seen.get(signature) ?? 0) + 1;
      seen.set(signature, occurrence);
      return { row, occurrence, values };
    }),
  };
}

/** Splits rows into chunks of at most `size` rows and about `maxChars` characters of JSON each. */
export function chunk<T>(items: T[], size = CHUNK_ROWS, maxChars = MAX_CHUNK_CHARS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const length = JSON.stringify(item).length;
    if (current.length > 0 && (current.length >= size || chars + length > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
