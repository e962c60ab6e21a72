// Maps one raw CSV row of the revenue import to the conversion API's event JSON (the same
// `eventInputSchema` then validates it): amounts in major units become exact minor units per the
// currency's exponent, dates without an offset are read as UTC, and a missing idempotency key is
// derived from the row's normalized content, so importing the same file twice counts nothing twice.
import { createHash } from "node:crypto";
import type { EventJson } from "@/lib/conversions/event-schema";
import { parseMoneyToMinor } from "@/lib/kernel/money";
import { hasControlCharacters } from "@/lib/kernel/text";
import type { RowError } from "@/lib/kernel/row-error";
import type { RawRevenueRow } from "./revenue-csv";

export type MappedRow = { ok: true; json: EventJson; keyDerived: boolean } | { ok: false; errors: RowError[] };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function utc(y: string, mo: string, d: string, h = "0", mi = "0", s = "0"): string | null {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString() : null;
}

/**
 * "2026-11-26T10:00:00+03:00" (kept as the instant it names), "2026-11-26", "2026-11-26 14:30",
 * "26.11.2026", "26.11.2026 14:30" (no offset: UTC) → ISO 8601 in UTC; null when not a real date.
 */
export function parseOccurredAt(text: string): string | null {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const iso = ISO_LOCAL.exec(value);
  if (iso) return utc(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]);
  const dotted = DOTTED.exec(value);
  if (dotted) return utc(dotted[3], dotted[2], dotted[1], dotted[4], dotted[5], dotted[6]);
  return null;
}

/**
 * The idempotency key of a row that has none: a SHA-256 of its normalized content and its
 * occurrence number. Normalized means "1 234,56" and "1234.56", "usd" and "USD", "26.11.2026" and
 * "2026-11-26" give the same key. The customer's display name is left out on purpose: fixing a
 * name and re-importing then reports a conflict for that row instead of adding the revenue twice.
 */
export function derivedIdempotencyKey(json: EventJson, occurrence: number): string {
  // promo_code came later: part of the key only when given, so files imported before keep their keys.
  const promo = json.promo_code ? [json.promo_code.toUpperCase()] : [];
  const content = JSON.stringify([
    "csv-v1",
    json.type,
    json.occurred_at,
    json.customer_external_id ?? null,
    json.amount_minor?.toString() ?? null,
    json.currency ?? null,
    json.referral_id ?? null,
    json.click_id ?? null,
    occurrence,
    ...promo,
  ]);
  return `csv-${createHash("sha256").update(content, "utf8").digest("hex")}`;
}

const optional = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

export function mapRevenueRow(raw: RawRevenueRow): MappedRow {
  const { row, values } = raw;
  // Control characters (NUL would reach PostgreSQL as error 22021) are refused cell by cell.
  const dirty = Object.entries(values).filter(([, value]) => value !== undefined && hasControlCharacters(value));
  if (dirty.length > 0) return { ok: false, errors: dirty.map(([column]) => ({ row, column, code: "control_characters" })) };
  const errors: RowError[] = [];
  const type = (optional(values.type) ?? "").toLowerCase();
  const currency = optional(values.currency)?.toUpperCase();

  const occurredText = optional(values.occurred_at);
  const occurredAt = occurredText ? parseOccurredAt(occurredText) : null;
  if (!occurredText) errors.push({ row, column: "occurred_at", code: "required" });
  else if (!occurredAt) errors.push({ row, column: "occurred_at", code: "fx.import_date_invalid" });

  let amountMinor: string | undefined;
  const major = optional(values.amount);
  const minor = optional(values.amount_minor);
  if (minor !== undefined && !/^\d{1,15}$/.test(minor)) errors.push({ row, column: "amount_minor", code: "fx.import_amount_minor_invalid" });
  else amountMinor = minor;
  if (major !== undefined && !currency) errors.push({ row, column: "currency", code: "fx.import_currency_needed" });
  if (major !== undefined && currency && /^[A-Z]{3}$/.test(currency)) {
    let parsed: bigint | null = null;
    try {
      parsed = parseMoneyToMinor(major, currency);
    } catch {
      parsed = null; // Intl refuses the currency code; the schema reports the currency itself
    }
    if (parsed === null) errors.push({ row, column: "amount", code: "fx.import_amount_invalid" });
    else if (amountMinor !== undefined && BigInt(amountMinor) !== parsed) {
      errors.push({ row, column: "amount", code: "fx.import_amount_conflict" });
    } else amountMinor = parsed.toString();
  }
  if (errors.length > 0) return { ok: false, errors };

  const json: EventJson = {
    type: type as EventJson["type"],
    idempotency_key: "",
    occurred_at: occurredAt!,
    ...(optional(values.customer_external_id) ? { customer_external_id: optional(values.customer_external_id) } : {}),
    ...(optional(values.customer_name) ? { customer_name: optional(values.customer_name) } : {}),
    ...(amountMinor !== undefined ? { amount_minor: amountMinor } : {}),
    ...(currency ? { currency } : {}),
    ...(optional(values.click_id) ? { click_id: optional(values.click_id) } : {}),
    ...(optional(values.referral_id) ? { referral_id: optional(values.referral_id) } : {}),
    ...(optional(values.promo_code) ? { promo_code: optional(values.promo_code) } : {}),
  };
  const given = optional(values.idempotency_key);
  json.idempotency_key = given ?? derivedIdempotencyKey(json, raw.occurrence);
  return { ok: true, json, keyDerived: given === undefined };
}
