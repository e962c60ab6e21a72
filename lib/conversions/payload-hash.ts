import { createHash } from "node:crypto";
import type { EventInput } from "./event-schema";

/**
 * The normalized payload of an event, with a fixed field order: times in UTC, amounts as digit
 * strings, absent fields as null. Two requests that mean the same event (e.g. `+03:00` vs `Z`
 * for the same instant, `12500` vs `"12500"`) hash the same; the idempotency key itself is left out.
 */
export function canonicalPayload(input: EventInput): string {
  // promo_code joined the API later: appended only when given, so events stored before it hash as they did.
  const promo = input.promo_code !== undefined ? [input.promo_code] : [];
  return JSON.stringify([
    input.type,
    input.occurred_at.toISOString(),
    input.customer_external_id ?? null,
    input.customer_name ?? null,
    input.amount_minor?.toString() ?? null,
    input.currency ?? null,
    input.click_id ?? null,
    input.referral_id ?? null,
    ...promo,
  ]);
}

export function payloadHash(input: EventInput): string {
  return createHash("sha256").update(canonicalPayload(input), "utf8").digest("hex");
}
