// Numbers as people type them: «120 тыс.», «1,5 млн», "1.5M", "120k", «120 000», «120,5».
// Parsed without floats (digits and a power of ten), so money stays exact in minor units.
import { minorDigits } from "./money";

/** Why a text is not a number; each is a key in the `errors` namespace. */
export type ShorthandError = "number_invalid" | "number_negative" | "number_too_large" | "number_ambiguous" | "whole_number";
export type Shorthand<T> = { ok: true; value: T } | { ok: false; error: ShorthandError };

/** A decimal without floats: `digits` × 10^-`scale` (1,5 млн → 1500000n, scale 0). */
type Decimal = { digits: bigint; scale: number };

const MULTIPLIERS: [RegExp, number][] = [
  [/^(тыс|тысяч[аи]?|т|k|к|thousands?|th)$/, 3],
  [/^(млн|миллион(а|ов)?|m|м|mln|mio|millions?|mm)$/, 6],
  [/^(млрд|миллиард(а|ов)?|b|bn|billions?)$/, 9],
];

const GROUP = /[\s\u00a0\u202f'’]/g;

/** The text split into a number and a multiplier word: "1,5 млн" → ["1,5", "млн"]. */
function split(text: string): { number: string; word: string } {
  const match = /^(.*?\d)(?:\s*([^\d\s.,]+)\.?)?$/u.exec(text);
  return match ? { number: match[1], word: (match[2] ?? "").toLocaleLowerCase("ru") } : { number: text, word: "" };
}

/** "12,500" style grouping: a first group of 1–3 digits (not "0,005"), then groups of exactly 3. */
function isGrouped(text: string, mark: string): boolean {
  const groups = text.split(mark);
  return /^[1-9]\d{0,2}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * The number part: spaces group digits; with both "," and "." the last one is the decimal mark.
 * One mark followed by exactly three digits ("120,500", "1.500") groups thousands when it is
 * the page language's group mark (English ","), and is ambiguous otherwise (a Russian «1.500» may
 * mean one and a half); with a multiplier word it is always a decimal («1,500 тыс.» = 1 500).
 */
function parseDecimal(raw: string, locale: string | undefined, hasWord: boolean): Decimal | ShorthandError {
  const text = raw.replace(GROUP, "");
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return "number_invalid";
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let integer = text;
  let fraction = "";
  if (lastComma >= 0 && lastDot >= 0) {
    const mark = lastComma > lastDot ? "," : ".";
    const group = mark === "," ? "." : ",";
    const at = text.lastIndexOf(mark);
    integer = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (integer.includes(mark) || !isGrouped(integer, group)) return "number_invalid";
    integer = integer.replaceAll(group, "");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const parts = text.split(mark);
    if (parts.length > 2) {
      if (!isGrouped(text, mark)) return "number_invalid";
      integer = text.replaceAll(mark, "");
    } else if (parts[1].length === 3 && !hasWord) {
      // Without a page language (a schema on the server) both marks group, as parseMoneyToMinor does.
      const groupMark = locale === undefined ? mark : locale.startsWith("en") ? "," : null;
      if (mark !== groupMark) return "number_ambiguous";
      if (!isGrouped(text, mark)) return "number_invalid";
      integer = text.replaceAll(mark, "");
    } else {
      [integer, fraction] = parts;
    }
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction) || fraction.length > 12) return "number_invalid";
  return { digits: BigInt(integer + fraction), scale: fraction.length };
}

/** Parses to an exact decimal scaled by the multiplier word; signs and unknown words are errors. */
function parseExact(input: string, locale: string | undefined): Decimal | ShorthandError {
  const text = input.normalize("NFKC").trim();
  if (!text) return "number_invalid";
  if (/^[-−–]/.test(text)) return "number_negative";
  const { number, word } = split(text.replace(/^\+/, ""));
  let power = 0;
  if (word) {
    const found = MULTIPLIERS.find(([re]) => re.test(word));
    if (!found) return "number_invalid";
    power = found[1];
  }
  const decimal = parseDecimal(number, locale, !!word);
  if (typeof decimal === "string") return decimal;
  const shift = power - decimal.scale;
  return shift >= 0 ? { digits: decimal.digits * 10n ** BigInt(shift), scale: 0 } : { digits: decimal.digits, scale: -shift };
}

/**
 * A count typed by a person («120 тыс.», "1.5M", «120 000») as a whole number at most `max`.
 * `locale` decides the one ambiguous shape, one mark before three digits: "1,500" is 1 500 in
 * English and refused in Russian, where «1,5» is the decimal comma; without a locale (a form schema
 * on the server, which does not know the page's language) it groups thousands in both.
 */
export function parseShorthandNumber(input: string, locale?: string, max = 2_000_000_000): Shorthand<number> {
  const exact = parseExact(input, locale);
  if (typeof exact === "string") return { ok: false, error: exact };
  const scale = 10n ** BigInt(exact.scale);
  if (exact.digits % scale !== 0n) return { ok: false, error: "whole_number" };
  const value = exact.digits / scale;
  return value > BigInt(max) ? { ok: false, error: "number_too_large" } : { ok: true, value: Number(value) };
}

const MAX_MINOR = 10n ** 15n;

/**
 * A money amount in integer minor units: «450 тыс.», "RUB" → 45000000n (450 000,00 ₽);
 * "12,500.50", "USD" → 1250050n. More decimals than the currency has is `number_invalid`.
 */
export function parseShorthandMinor(input: string, currency: string, locale?: string): Shorthand<bigint> {
  const exact = parseExact(input, locale);
  if (typeof exact === "string") return { ok: false, error: exact };
  const digits = minorDigits(currency);
  if (exact.scale > digits) {
    const drop = 10n ** BigInt(exact.scale - digits);
    if (exact.digits % drop !== 0n) return { ok: false, error: "number_invalid" };
  }
  const minor = exact.scale > digits ? exact.digits / 10n ** BigInt(exact.scale - digits) : exact.digits * 10n ** BigInt(digits - exact.scale);
  return minor < MAX_MINOR ? { ok: true, value: minor } : { ok: false, error: "number_too_large" };
}

/** The error key a form shows: the field's own key for plain garbage, a precise one otherwise. */
export function shorthandErrorKey(error: ShorthandError, garbageKey: string): string {
  return error === "number_invalid" ? garbageKey : error;
}
