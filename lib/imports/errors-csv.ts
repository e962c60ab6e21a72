import Papa from "papaparse";
import type { RowError } from "@/lib/kernel/row-error";

/**
 * The per-row error report as CSV text (row, column, message), with a BOM so Excel opens the
 * Cyrillic messages correctly. `message` turns an error into the user's language.
 */
export function errorsToCsv(errors: RowError[], labels: { row: string; column: string; message: string }, message: (e: RowError) => string): string {
  const data = errors.map((e) => [String(e.row), e.column ?? "", message(e)]);
  return `\uFEFF${Papa.unparse({ fields: [labels.row, labels.column, labels.message], data })}`;
}
