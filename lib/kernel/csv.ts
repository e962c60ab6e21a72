/** A cell as Excel and LibreOffice read it back: quoted when needed, never a formula. */
export function csvCell(value: string, delimiter: string): string {
  // Partner-typed text reaches staff spreadsheets: a leading = + - @ would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 text with a UTF-8 byte-order mark, so Excel opens Cyrillic correctly. */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ","): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}
