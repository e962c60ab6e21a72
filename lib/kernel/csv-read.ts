// Reading a CSV table for the imports (FX rates on the server, revenue events in the browser).
// The delimiter is taken from the header line (which never contains decimal commas), so
// "2026-11-26;USD;RUB;78,1234" is read as four cells even though it also contains a comma.
import Papa from "papaparse";

export type CsvRow = { row: number; cells: string[] };
export type CsvTable = { header: string[]; rows: CsvRow[]; delimiter: string };
export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; code: "empty" | "too_many_rows"; max?: number };

/** The delimiter of a header line: ";" or tab when present (Russian Excel uses ";"), else ",". */
export function detectDelimiter(headerLine: string): string {
  if (headerLine.includes(";")) return ";";
  if (headerLine.includes("\t")) return "\t";
  return ",";
}

/** Header names compared loosely: " Occurred At " → "occurred_at". */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * Splits CSV text into a header and data rows. Row numbers count the header as row 1, as a
 * spreadsheet shows them; blank lines are skipped but keep their numbers for the rows after them.
 * "empty" means no header line; a header without rows is returned with `rows: []`.
 */
export function readCsv(text: string, maxRows: number): CsvReadResult {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  if (!firstLine.trim()) return { ok: false, code: "empty" };
  const delimiter = detectDelimiter(firstLine);
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false, header: false });
  const [header, ...records] = parsed.data;
  const rows: CsvRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    rows.push({ row: index + 2, cells });
  });
  if (rows.length > maxRows) return { ok: false, code: "too_many_rows", max: maxRows };
  return { ok: true, table: { header: header.map(normalizeHeader), rows, delimiter } };
}

/** Cells of a row keyed by header name ("" for a missing trailing cell). */
export function rowRecord(header: string[], cells: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    if (name) record[name] = (cells[i] ?? "").trim();
  });
  return record;
}
