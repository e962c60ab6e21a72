import { describe, expect, it } from "vitest";
import { eventInputSchema, isIsoCurrency } from "./event-schema";
import { canonicalPayload, payloadHash } from "./payload-hash";

const base = { type: "revenue", idempotency_key: "order-1:rev", occurred_at: "2026-03-01T14:30:00+03:00", customer_external_id: "cust-1", amount_minor: 1250050, currency: "RUB" };
const parse = (v: unknown) => eventInputSchema.safeParse(v);
const messages = (v: unknown) => {
  const r = parse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("eventInputSchema", () => {
  it("parses a revenue event: instant in UTC, amount as bigint", () => {
    const r = parse(base);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.occurred_at.toISOString()).toBe("2026-03-01T11:30:00.000Z");
    expect(r.data.amount_minor).toBe(1250050n);
  });

  it("takes 15-digit string amounts exactly, beyond float precision", () => {
    const r = parse({ ...base, amount_minor: "999999999999999" });
    expect(r.success && r.data.amount_minor).toBe(999_999_999_999_999n);
    expect(messages({ ...base, amount_minor: "1000000000000000" })).toEqual({ amount_minor: "apikeys.amount_invalid" });
    expect(messages({ ...base, amount_minor: "12.50" })).toEqual({ amount_minor: "apikeys.amount_invalid" });
    expect(messages({ ...base, amount_minor: 2 ** 53 })).toEqual({ amount_minor: "apikeys.amount_invalid" });
    expect(messages({ ...base, amount_minor: true })).toEqual({ amount_minor: "apikeys.amount_invalid" });
  });

  it("needs a customer for close/revenue/refund but not for a lead; no amount on lead/close", () => {
    expect(parse({ type: "lead", idempotency_key: "l1", occurred_at: "2026-03-01T10:00:00Z" }).success).toBe(true);
    expect(messages({ type: "close", idempotency_key: "c1", occurred_at: "2026-03-01T10:00:00Z" })).toEqual({ customer_external_id: "apikeys.customer_required" });
    expect(messages({ type: "lead", idempotency_key: "l1", occurred_at: "2026-03-01T10:00:00Z", currency: "USD" })).toEqual({ currency: "apikeys.amount_not_allowed" });
    expect(messages({ ...base, type: "refund", amount_minor: undefined, currency: undefined })).toEqual({ amount_minor: "apikeys.amount_required", currency: "apikeys.currency_required" });
  });

  it("bounds the date: offset required, not before 2000, at most a day ahead", () => {
    const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
    expect(parse({ ...base, occurred_at: soon }).success).toBe(true);
    expect(messages({ ...base, occurred_at: new Date(Date.now() + 26 * 3_600_000).toISOString() })).toEqual({ occurred_at: "apikeys.occurred_at_future" });
    expect(messages({ ...base, occurred_at: "2026-03-01" })).toEqual({ occurred_at: "apikeys.occurred_at_invalid" });
    expect(messages({ ...base, occurred_at: 1_700_000_000 })).toEqual({ occurred_at: "apikeys.occurred_at_invalid" });
  });

  it("knows ISO 4217 codes", () => {
    expect(["USD", "RUB", "EUR", "KZT"].every(isIsoCurrency)).toBe(true);
    expect(["usd", "RUR", "XYZ", "US", ""].some(isIsoCurrency)).toBe(false);
  });
});

describe("payloadHash", () => {
  it("is the same for the same event however it is written, and differs for another event", () => {
    const a = parse(base);
    const b = parse({ ...base, occurred_at: "2026-03-01T11:30:00.000Z", amount_minor: "1250050", idempotency_key: "other" });
    const c = parse({ ...base, amount_minor: 1250051 });
    if (!a.success || !b.success || !c.success) throw new Error("fixtures must parse");
    expect(payloadHash(a.data)).toBe(payloadHash(b.data));
    expect(payloadHash(a.data)).not.toBe(payloadHash(c.data));
    expect(canonicalPayload(a.data)).toBe('["revenue","2026-03-01T11:30:00.000Z","cust-1",null,"1250050","RUB",null,null]');
  });
});
