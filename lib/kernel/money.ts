/** Decimal places of a currency's minor unit (USD 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const GROUP = /[\s\u00a0\u202f'’]/g;
const MAX_MINOR = 10n ** 15n;

/**
 * Parses an amount typed by a person into integer minor units, without floats:
 * "12 500,50" / "12,500.50" / "12.500,50" / "12500.5" → 1250050n (for a 2-digit currency).
 * Spaces and apostrophes group digits. With both "," and "." the last one is the decimal mark;
 * with one kind only, a single mark followed by exactly three digits groups thousands
 * ("12,500" → 12 500) because no supported currency has three decimals. Returns null when the
 * text is not an amount, is negative, or has more decimals than the currency allows.
 */
export function parseMoneyToMinor(raw: string, currency: string): bigint | null {
  const digits = minorDigits(currency);
  const text = raw.trim().replace(GROUP, "");
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;

  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let integer = text;
  let fraction = "";
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalMark = lastComma > lastDot ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    const at = text.lastIndexOf(decimalMark);
    integer = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (integer.includes(decimalMark) || !isGrouped(integer, groupMark)) return null;
    integer = integer.replaceAll(groupMark, "");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const parts = text.split(mark);
    if (parts.length > 2 || parts[1].length === 3) {
      if (!isGrouped(text, mark)) return null;
      integer = text.replaceAll(mark, "");
    } else {
      [integer, fraction] = parts;
    }
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const minor = BigInt(integer) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minor < MAX_MINOR ? minor : null;
}

/** "12,500" style grouping: a first group of 1–3 digits, then groups of exactly 3. */
function isGrouped(text: string, mark: string): boolean {
  const groups = text.split(mark);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Minor units back to a plain decimal string: 1250050n, "USD" → "12500.50" (for CSV and forms). */
export function minorToDecimal(minor: bigint, currency: string, decimalMark = "."): string {
  const digits = minorDigits(currency);
  if (digits === 0) return minor.toString();
  const scale = 10n ** BigInt(digits);
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / scale}${decimalMark}${(abs % scale).toString().padStart(digits, "0")}`;
}
