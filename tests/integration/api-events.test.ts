import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/events/route";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { getFunnelSummary, trustedFunnelScope } from "@/lib/funnel/queries";
import enErrors from "@/locales/en/errors.json";
import ruErrors from "@/locales/ru/errors.json";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerIn, programIn } from "../helpers/partner-fixtures";
import { clickRow, newKey, postEvents, referralRow, uid } from "./api-fixtures";

let a: { fixture: TenantFixture; ctx: TenantContext; key: string };
let b: { fixture: TenantFixture; ctx: TenantContext; key: string };

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const revenue = (overrides: Record<string, unknown> = {}) => ({
  type: "revenue", idempotency_key: uid("rev"), occurred_at: hourAgo(),
  customer_external_id: uid("cust"), amount_minor: 125_000, currency: "USD", ...overrides,
});
const eventsOf = (tenantId: string, idempotencyKey: string) => prisma.conversionEvent.findMany({ where: { tenantId, idempotencyKey } });

beforeAll(async () => {
  const ta = await tenantWithOwner("Api Agency A");
  const tb = await tenantWithOwner("Api Agency B");
  a = { ...ta, key: await newKey(ta.ctx) };
  b = { ...tb, key: await newKey(tb.ctx) };
});

describe("authentication", () => {
  it("answers missing, malformed, unknown and revoked keys with the same 401", async () => {
    const { ctx } = await tenantWithOwner("Revoking Agency");
    const revoked = await newKey(ctx, "old");
    const row = await prisma.apiKey.findFirstOrThrow({ where: { tenantId: ctx.tenantId, name: "old" } });
    expect((await postEvents(revenue(), revoked)).status).toBe(201);
    await revokeApiKey(ctx, row.id);

    const unknown = `tw_live_${"A".repeat(32)}`;
    const answers = await Promise.all([
      postEvents(revenue(), null),
      postEvents(revenue(), "not-a-key"),
      postEvents(revenue(), `${a.key}x`),
      postEvents(revenue(), unknown),
      postEvents(revenue(), revoked),
      postEvents(revenue(), null, { authorization: `Basic ${a.key}` }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0].body);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(answers[0].body.error.code).toBe("unauthorized");
    expect(await prisma.conversionEvent.count({ where: { tenantId: ctx.tenantId } })).toBe(1);
  });

  it("GET is 405", async () => {
    const res = GET(new Request("http://app.test/api/v1/events"));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});

describe("tenant isolation", () => {
  it("a key of tenant B writes into B only and cannot name A's referral", async () => {
    const program = await programIn(a.fixture.tenantId);
    const partner = await partnerIn(a.fixture.tenantId, "active");
    const referralOfA = await referralRow(a.fixture.tenantId, program.id, partner.id);

    const event = revenue();
    const ok = await postEvents(event, b.key);
    expect(ok.status).toBe(201);
    const stored = await prisma.conversionEvent.findUniqueOrThrow({ where: { id: ok.body.id } });
    expect(stored.tenantId).toBe(b.fixture.tenantId);
    expect(await eventsOf(a.fixture.tenantId, event.idempotency_key)).toHaveLength(0);
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: stored.customerId! } });
    expect(customer.tenantId).toBe(b.fixture.tenantId);

    const foreign = await postEvents(revenue({ referral_id: referralOfA.id }), b.key);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ referral_id: enErrors.apikeys.unknown_referral });
    // A's own key may name it.
    expect((await postEvents(revenue({ referral_id: referralOfA.id }), a.key)).status).toBe(201);
  });

  it("the same idempotency key in two tenants makes two independent events", async () => {
    const event = revenue();
    expect((await postEvents(event, a.key)).status).toBe(201);
    expect((await postEvents({ ...event, amount_minor: 1 }, b.key)).status).toBe(201);
    expect(await eventsOf(a.fixture.tenantId, event.idempotency_key)).toHaveLength(1);
    expect(await eventsOf(b.fixture.tenantId, event.idempotency_key)).toHaveLength(1);
  });

  it("a click id of another tenant does not attribute", async () => {
    const program = await programIn(a.fixture.tenantId);
    const partner = await partnerIn(a.fixture.tenantId, "active");
    const clickOfA = await clickRow(a.fixture.tenantId, program.id, partner.id);
    const res = await postEvents(revenue({ click_id: clickOfA.id }), b.key);
    expect(res.status).toBe(201);
    expect(res.body.event.attribution).toBeNull();
  });
});

describe("idempotency", () => {
  it("the same event three times is stored once; replays say duplicate", async () => {
    const event = revenue({ occurred_at: "2026-03-01T14:30:00+03:00" });
    const first = await postEvents(event, a.key);
    // The same instant written in UTC and the amount as a string are the same payload.
    const second = await postEvents({ ...event, occurred_at: "2026-03-01T11:30:00Z", amount_minor: "125000" }, a.key);
    const third = await postEvents(event, a.key);
    expect([first.status, second.status, third.status]).toEqual([201, 200, 200]);
    expect([first.body.duplicate, second.body.duplicate, third.body.duplicate]).toEqual([false, true, true]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    expect(await eventsOf(a.fixture.tenantId, event.idempotency_key)).toHaveLength(1);
    expect(await prisma.customer.count({ where: { tenantId: a.fixture.tenantId, externalId: event.customer_external_id } })).toBe(1);
  });

  it("the funnel counts a replayed revenue event once", async () => {
    const { fixture, ctx } = await tenantWithOwner("Funnel Replay Agency");
    const key = await newKey(ctx);
    const event = revenue({ amount_minor: 4_200, occurred_at: "2026-04-10T12:00:00Z" });
    for (let i = 0; i < 3; i++) await postEvents(event, key);
    const summary = await getFunnelSummary(trustedFunnelScope(fixture.tenantId, "USD"), {
      from: new Date("2026-04-01T00:00:00Z"), to: new Date("2026-05-01T00:00:00Z"), basis: "period",
    });
    expect(summary.totals.revenueEvents).toBe(1);
    expect(summary.totals.revenue).toEqual({ minor: 4_200n, currency: "USD" });
  });

  it("reusing a key for a different event is a 409 and changes nothing", async () => {
    const event = revenue();
    expect((await postEvents(event, a.key)).status).toBe(201);
    const conflict = await postEvents({ ...event, amount_minor: 999 }, a.key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toEqual({ code: "idempotency_conflict", message: enErrors.apikeys.idempotency_conflict });
    const [stored] = await eventsOf(a.fixture.tenantId, event.idempotency_key);
    expect(stored.amountMinor).toBe(125_000n);
  });

  it("five concurrent identical posts store one row", async () => {
    const event = revenue();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postEvents(event, a.key)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await eventsOf(a.fixture.tenantId, event.idempotency_key)).toHaveLength(1);
    expect(await prisma.customer.count({ where: { tenantId: a.fixture.tenantId, externalId: event.customer_external_id } })).toBe(1);
  });

  it("concurrent different events of one new customer create one customer", async () => {
    const customer = uid("cust");
    const answers = await Promise.all(Array.from({ length: 4 }, () => postEvents(revenue({ customer_external_id: customer }), a.key)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await prisma.customer.count({ where: { tenantId: a.fixture.tenantId, externalId: customer } })).toBe(1);
  });
});

describe("validation", () => {
  it("names each bad field with a message in English, or Russian by Accept-Language", async () => {
    const bad = { type: "revenue", idempotency_key: "x".repeat(201), occurred_at: new Date(Date.now() + 3 * 86_400_000).toISOString(), customer_external_id: "c1", currency: "usd" };
    const en = await postEvents(bad, a.key);
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe("validation_failed");
    expect(en.body.error.fields).toEqual({
      idempotency_key: "Must be at most 200 characters.",
      occurred_at: enErrors.apikeys.occurred_at_future,
      currency: enErrors.apikeys.currency_invalid,
      amount_minor: enErrors.apikeys.amount_required,
    });
    const ru = await postEvents(bad, a.key, { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" });
    expect(ru.body.error.message).toBe(ruErrors.apikeys.api.validation_failed);
    expect(ru.body.error.fields).toEqual({
      idempotency_key: ruErrors.too_long.replace("{{max}}", "200"),
      occurred_at: ruErrors.apikeys.occurred_at_future,
      currency: ruErrors.apikeys.currency_invalid,
      amount_minor: ruErrors.apikeys.amount_required,
    });
    expect(await prisma.conversionEvent.count({ where: { tenantId: a.fixture.tenantId, externalCustomerId: "c1" } })).toBe(0);
  });

  it("refuses unknown currencies, non-integer and oversized amounts, dates without offset, unknown fields", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [revenue({ currency: "RUR" }), "currency", enErrors.apikeys.currency_invalid],
      [revenue({ amount_minor: 12.5 }), "amount_minor", enErrors.apikeys.amount_invalid],
      [revenue({ amount_minor: -1 }), "amount_minor", enErrors.apikeys.amount_invalid],
      [revenue({ amount_minor: "1".repeat(16) }), "amount_minor", enErrors.apikeys.amount_invalid],
      [revenue({ occurred_at: "2026-03-01T11:30:00" }), "occurred_at", enErrors.apikeys.occurred_at_invalid],
      [revenue({ occurred_at: "1999-12-31T23:59:59Z" }), "occurred_at", enErrors.apikeys.occurred_at_too_old],
      [revenue({ amount: 5 }), "amount", enErrors.apikeys.unknown_field],
      [revenue({ type: "sale" }), "type", enErrors.apikeys.type_invalid],
      [revenue({ idempotency_key: "has space" }), "idempotency_key", enErrors.apikeys.idempotency_key_invalid],
      [revenue({ customer_external_id: undefined }), "customer_external_id", enErrors.apikeys.customer_required],
      [{ type: "close", idempotency_key: uid(), occurred_at: hourAgo(), customer_external_id: "c", amount_minor: 1, currency: "USD" }, "amount_minor", enErrors.apikeys.amount_not_allowed],
    ];
    for (const [body, field, message] of cases) {
      const res = await postEvents(body, a.key);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields[field], field).toBe(message);
    }
  });

  it("answers broken bodies without a 500", async () => {
    expect((await postEvents("{not json", a.key)).body.error.code).toBe("invalid_json");
    expect((await postEvents("[1,2]", a.key)).status).toBe(400);
    expect((await postEvents("null", a.key)).status).toBe(400);
    expect((await postEvents({ events: [] }, a.key)).body.error.fields).toEqual({ events: "Send between 1 and 100 events in \"events\"." });
    expect((await postEvents({ events: Array.from({ length: 101 }, () => revenue()) }, a.key)).status).toBe(400);
    expect((await postEvents(revenue(), a.key, { "content-type": "text/plain" })).status).toBe(415);
    const huge = await postEvents(revenue({ customer_name: "x".repeat(300 * 1024) }), a.key);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
  });
});

describe("batches", () => {
  it("stores the good items and reports the bad one by index", async () => {
    const good1 = revenue();
    const good2 = { type: "lead", idempotency_key: uid("lead"), occurred_at: hourAgo() };
    const res = await postEvents({ events: [good1, revenue({ currency: "XXXX" }), good2, good1] }, a.key);
    expect(res.status).toBe(201);
    expect([res.body.created, res.body.duplicates, res.body.failed]).toEqual([2, 1, 1]);
    expect(res.body.results[1]).toEqual({ index: 1, error: { code: "validation_failed", message: enErrors.apikeys.api.validation_failed, fields: { "events.1.currency": enErrors.apikeys.currency_invalid } } });
    expect(res.body.results[3]).toEqual({ index: 3, id: res.body.results[0].id, duplicate: true });
    expect(await eventsOf(a.fixture.tenantId, good2.idempotency_key)).toHaveLength(1);

    const replay = await postEvents({ events: [good1, good2] }, a.key);
    expect(replay.status).toBe(200);
    expect(replay.body.duplicates).toBe(2);
  });
});

describe("rate limit", () => {
  it("allows 1200 events a minute per key, then 429 with Retry-After; other keys are unaffected", async () => {
    const { ctx } = await tenantWithOwner("Busy Agency");
    const busy = await newKey(ctx, "busy");
    // Invalid items still count: the limit protects the endpoint, not only the database.
    const batch = { events: Array.from({ length: 100 }, () => ({})) };
    for (let i = 0; i < 12; i++) expect((await postEvents(batch, busy)).status).toBe(400);
    const limited = await postEvents(revenue(), busy);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await postEvents(revenue(), a.key)).status).toBe(201);
  });
});

describe("attribution and customers", () => {
  it("referral_id credits the referral's partner and links the customer to it", async () => {
    const program = await programIn(a.fixture.tenantId);
    const partner = await partnerIn(a.fixture.tenantId, "active");
    const referral = await referralRow(a.fixture.tenantId, program.id, partner.id, { sourceMarket: "US", targetMarket: "RU" });
    const res = await postEvents(revenue({ referral_id: referral.id, customer_name: "Glow Lab" }), a.key);
    expect(res.status).toBe(201);
    expect(res.body.event.attribution).toEqual({ partner_id: partner.id, program_id: program.id, referral_id: referral.id, click_id: null, promo_code_id: null, source_market: "US", target_market: "RU" });
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: res.body.event.customer_id } });
    expect([customer.source, customer.referralId, customer.partnerId, customer.name]).toEqual(["referral", referral.id, partner.id, "Glow Lab"]);

    // A later event naming only the customer still credits the partner.
    const later = await postEvents(revenue({ customer_external_id: customer.externalId }), a.key);
    expect(later.body.event.attribution?.partner_id).toBe(partner.id);
    expect(later.body.event.customer_id).toBe(customer.id);

    const draft = await referralRow(a.fixture.tenantId, program.id, partner.id, { status: "draft" });
    expect((await postEvents(revenue({ referral_id: draft.id }), a.key)).status).toBe(400);
  });

  it("click_id inside the window credits the link's partner; bots and unknown clicks leave it direct", async () => {
    const program = await programIn(a.fixture.tenantId);
    const partner = await partnerIn(a.fixture.tenantId, "active");
    const click = await clickRow(a.fixture.tenantId, program.id, partner.id, 60);
    const res = await postEvents(revenue({ click_id: click.id }), a.key);
    expect(res.body.event.attribution).toMatchObject({ partner_id: partner.id, program_id: program.id, click_id: click.id, referral_id: null, source_market: "US", target_market: "RU" });
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: res.body.event.customer_id } });
    expect([customer.source, customer.clickId, customer.referralId]).toEqual(["referral", click.id, null]);

    const bot = await clickRow(a.fixture.tenantId, program.id, partner.id, 60, { isBot: true });
    const old = await clickRow(a.fixture.tenantId, program.id, partner.id, 60 * 24 * 40);
    for (const clickId of [bot.id, old.id, "no-such-click"]) {
      const direct = await postEvents(revenue({ click_id: clickId }), a.key);
      expect(direct.status).toBe(201);
      expect(direct.body.event.attribution).toBeNull();
    }
  });

  it("an event without referral or click makes a direct customer; a later attributed event makes it a referral customer", async () => {
    const external = uid("direct");
    const first = await postEvents(revenue({ customer_external_id: external, occurred_at: "2026-02-10T10:00:00Z" }), a.key);
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: first.body.event.customer_id } });
    expect([customer.source, customer.partnerId, customer.firstSeenAt.toISOString()]).toEqual(["direct", null, "2026-02-10T10:00:00.000Z"]);

    // An earlier event arriving later moves firstSeenAt back.
    await postEvents(revenue({ customer_external_id: external, occurred_at: "2026-01-05T10:00:00Z" }), a.key);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).firstSeenAt.toISOString()).toBe("2026-01-05T10:00:00.000Z");

    const program = await programIn(a.fixture.tenantId);
    const partner = await partnerIn(a.fixture.tenantId, "active");
    const referral = await referralRow(a.fixture.tenantId, program.id, partner.id);
    await postEvents({ type: "close", idempotency_key: uid(), occurred_at: hourAgo(), customer_external_id: external, referral_id: referral.id }, a.key);
    const linked = await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect([linked.source, linked.referralId, linked.partnerId]).toEqual(["referral", referral.id, partner.id]);
  });

  it("a lead without a known customer creates no customer", async () => {
    const res = await postEvents({ type: "lead", idempotency_key: uid(), occurred_at: hourAgo(), customer_external_id: uid("prospect") }, a.key);
    expect(res.status).toBe(201);
    expect(res.body.event.customer_id).toBeNull();
  });
});

describe("currency conversion", () => {
  it("fills the reporting amount from the rate of the event day, or leaves it null when no rate exists", async () => {
    const { fixture, ctx } = await tenantWithOwner("Fx Agency");
    const key = await newKey(ctx);
    await prisma.fxRate.create({ data: { tenantId: fixture.tenantId, day: new Date("2026-03-02T00:00:00Z"), base: "USD", quote: "RUB", rate: "80", source: "test" } });

    const withRate = await postEvents(revenue({ amount_minor: 800_000, currency: "RUB", occurred_at: "2026-03-02T09:00:00+03:00" }), key);
    expect(withRate.body.event).toMatchObject({ amount_minor: "800000", currency: "RUB", reporting_amount_minor: "10000", reporting_currency: "USD", fx_rate_day: "2026-03-02" });
    expect(Number(withRate.body.event.fx_rate)).toBeCloseTo(0.0125, 10);

    const noRate = await postEvents(revenue({ amount_minor: 800_000, currency: "RUB", occurred_at: "2025-06-01T09:00:00Z" }), key);
    expect(noRate.status).toBe(201);
    expect(noRate.body.event).toMatchObject({ amount_minor: "800000", reporting_amount_minor: null, reporting_currency: null, fx_rate: null, fx_rate_day: null });

    const refund = await postEvents(revenue({ type: "refund", amount_minor: 1_000, currency: "USD" }), key);
    expect(refund.body.event).toMatchObject({ reporting_amount_minor: "1000", reporting_currency: "USD" });
  });
});
