// Promo codes (issue 16, part 5): staff management, the partner's view, isolation between agencies, and
// the order of precedence in attribution (docs/conversion-api.md): referral_id > click_id > the
// customer's own attribution > promo_code > direct — through the API and the CSV import alike.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { importRevenueChunk } from "@/lib/imports/import-revenue";
import { parseRevenueFile } from "@/lib/imports/revenue-csv";
import { NotFoundError } from "@/lib/kernel/errors";
import { attributeByPromoCode } from "@/lib/promo-codes/attribute-promo-code";
import { listOwnPromoCodes, listPartnerPromoCodes } from "@/lib/promo-codes/list-promo-codes";
import { createPromoCode, deactivatePromoCode } from "@/lib/promo-codes/manage-promo-codes";
import { promoCodeInput } from "@/lib/promo-codes/schemas";
import enErrors from "@/locales/en/errors.json";
import ruErrors from "@/locales/ru/errors.json";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { partnerIn, programIn } from "../helpers/partner-fixtures";
import { clickRow, newKey, postEvents, referralRow, uid } from "./api-fixtures";

vi.mock("server-only", () => ({}));

type Agency = { fixture: TenantFixture; ctx: TenantContext; key: string; programId: string; anna: string; boris: string };
let a: Agency;
let b: Agency;

async function agency(name: string): Promise<Agency> {
  const { fixture, ctx } = await tenantWithOwner(name);
  const program = await programIn(fixture.tenantId, { name: "Intros" });
  const [anna, boris] = [await partnerIn(fixture.tenantId, "active", { name: "Anna" }), await partnerIn(fixture.tenantId, "active", { name: "Boris", market: "RU" })];
  for (const p of [anna, boris]) await prisma.programPartner.create({ data: { tenantId: fixture.tenantId, programId: program.id, partnerId: p.id } });
  return { fixture, ctx, key: await newKey(ctx), programId: program.id, anna: anna.id, boris: boris.id };
}

const give = (x: Agency, partnerId: string, code?: string) => createPromoCode(x.ctx, partnerId, promoCodeInput.parse({ programId: x.programId, code: code ?? "" }));
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const revenue = (overrides: Record<string, unknown> = {}) => ({
  type: "revenue", idempotency_key: uid("rev"), occurred_at: hourAgo(), customer_external_id: uid("cust"), amount_minor: 10_000, currency: "USD", ...overrides,
});
const stored = (id: string) => prisma.conversionEvent.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  a = await agency("Promo Agency A");
  b = await agency("Promo Agency B");
});

describe("managing promo codes", () => {
  it("creates a typed code in capitals, generates one when left empty, and audits both", async () => {
    const typed = await give(a, a.anna, " anna-spring ");
    expect(typed).toMatchObject({ code: "ANNA-SPRING", partnerId: a.anna, programId: a.programId, sourceMarket: "US", targetMarket: "RU", deactivatedAt: null });
    const generated = await give(a, a.anna);
    expect(generated.code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
    const audit = await prisma.auditLog.findMany({ where: { tenantId: a.fixture.tenantId, action: "promo_code.created", entityId: a.anna }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.actorUserId, (e.data as { code: string; generated: boolean }).code, (e.data as { generated: boolean }).generated]))
      .toEqual([[a.ctx.userId, "ANNA-SPRING", false], [a.ctx.userId, generated.code, true]]);
  });

  it("a code is unique per agency whatever its case; another agency may use the same text", async () => {
    await give(a, a.anna, "UNIQUE-1");
    await expect(give(a, a.boris, "unique-1")).rejects.toMatchObject({ code: "promo_code_taken" });
    expect((await give(b, b.anna, "unique-1")).code).toBe("UNIQUE-1");
  });

  it("refuses malformed codes, inactive partners and programs the partner is not in (translated)", async () => {
    for (const bad of ["ab", "with space", "кириллица", "-LEADING", "x".repeat(33)]) {
      const parsed = promoCodeInput.safeParse({ programId: a.programId, code: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("promo_code_format");
    }
    expect(enErrors.promo_code_format).toBeTruthy();
    expect(ruErrors.promo_code_format).toMatch(/символов/);
    const suspended = await partnerIn(a.fixture.tenantId, "suspended");
    await expect(give(a, suspended.id, "SUSP-1")).rejects.toMatchObject({ code: "promo_code_partner_inactive" });
    const stranger = await partnerIn(a.fixture.tenantId, "active");
    await expect(give(a, stranger.id, "STRANGER-1")).rejects.toMatchObject({ code: "promo_code_not_enrolled" });
  });

  it("only staff who may edit partners manage codes", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    await expect(give({ ...a, ctx: analyst }, a.anna, "ANALYST-1")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deactivating keeps the code listed, credits nobody afterwards, and is audited once", async () => {
    const code = await give(a, a.anna, "GONE-SOON");
    await deactivatePromoCode(a.ctx, code.id);
    await deactivatePromoCode(a.ctx, code.id);
    expect((await listPartnerPromoCodes(a.ctx, a.anna)).find((c) => c.id === code.id)).toMatchObject({ active: false });
    expect(await prisma.auditLog.count({ where: { tenantId: a.fixture.tenantId, action: "promo_code.deactivated", entityId: a.anna } })).toBe(1);
    expect(await attributeByPromoCode(a.ctx.db, a.ctx.tenantId, "gone-soon")).toBeNull();
  });

  it("the partner sees their own codes with their uses, not another partner's", async () => {
    const partner = await partnerWithContext(a.fixture, { name: "Portal Partner" });
    await prisma.programPartner.create({ data: { tenantId: a.fixture.tenantId, programId: a.programId, partnerId: partner.partnerId } });
    const own = await give(a, partner.partnerId, "PORTAL-OWN");
    await postEvents(revenue({ promo_code: "portal-own" }), a.key);
    const listed = await listOwnPromoCodes(partner.ctx);
    expect(listed.map((c) => [c.code, c.uses, c.active])).toEqual([[own.code, 1, true]]);
  });
});

describe("isolation", () => {
  it("agency B cannot list, deactivate or attribute with A's codes", async () => {
    const code = await give(a, a.anna, "A-ONLY");
    expect(await listPartnerPromoCodes(b.ctx, a.anna)).toEqual([]);
    expect(await b.ctx.db.promoCode.count({ where: { id: code.id } })).toBe(0);
    await expect(deactivatePromoCode(b.ctx, code.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createPromoCode(b.ctx, a.anna, promoCodeInput.parse({ programId: a.programId, code: "HIJACK" }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).deactivatedAt).toBeNull();
    const res = await postEvents(revenue({ promo_code: "A-ONLY" }), b.key);
    expect(res.status).toBe(201);
    expect(res.body.event.attribution).toBeNull();
  });
});

describe("order of precedence (API)", () => {
  let annaCode: string;
  beforeAll(async () => {
    annaCode = (await give(a, a.anna, "ANNA-PREC")).code;
  });

  it("promo code alone: credits its partner, records the code, makes the customer the partner's", async () => {
    const customer = uid("cust");
    const res = await postEvents(revenue({ promo_code: "anna-prec", customer_external_id: customer }), a.key);
    expect(res.status).toBe(201);
    const code = await prisma.promoCode.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, code: annaCode } });
    expect(res.body.event.attribution).toEqual({ partner_id: a.anna, program_id: a.programId, referral_id: null, click_id: null, promo_code_id: code.id, source_market: "US", target_market: "RU" });
    expect(await prisma.customer.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, externalId: customer } })).toMatchObject({ source: "referral", partnerId: a.anna });
    // A later event of that customer without the code still credits Anna (through the customer).
    const later = await postEvents(revenue({ customer_external_id: customer }), a.key);
    expect([later.body.event.attribution.partner_id, later.body.event.attribution.promo_code_id]).toEqual([a.anna, null]);
  });

  it("referral_id beats a promo code", async () => {
    const referral = await referralRow(a.fixture.tenantId, a.programId, a.boris);
    const res = await postEvents(revenue({ referral_id: referral.id, promo_code: annaCode }), a.key);
    expect(res.body.event.attribution).toMatchObject({ partner_id: a.boris, referral_id: referral.id, promo_code_id: null });
  });

  it("a counting click_id beats a promo code; a stale click_id does not", async () => {
    const click = await clickRow(a.fixture.tenantId, a.programId, a.boris);
    const res = await postEvents(revenue({ click_id: click.id, promo_code: annaCode }), a.key);
    expect(res.body.event.attribution).toMatchObject({ partner_id: a.boris, click_id: click.id, promo_code_id: null });
    const bot = await clickRow(a.fixture.tenantId, a.programId, a.boris, 60, { isBot: true });
    const stale = await postEvents(revenue({ click_id: bot.id, promo_code: annaCode }), a.key);
    expect(stale.body.event.attribution).toMatchObject({ partner_id: a.anna, click_id: null });
    expect(stale.body.event.attribution.promo_code_id).not.toBeNull();
  });

  it("a customer who already came through a partner stays theirs: the promo code does not re-attribute", async () => {
    const customer = uid("cust");
    const click = await clickRow(a.fixture.tenantId, a.programId, a.boris);
    await postEvents(revenue({ customer_external_id: customer, click_id: click.id }), a.key);
    const res = await postEvents(revenue({ customer_external_id: customer, promo_code: annaCode }), a.key);
    expect(res.body.event.attribution).toMatchObject({ partner_id: a.boris, click_id: click.id, promo_code_id: null });
    expect(await prisma.customer.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, externalId: customer } })).toMatchObject({ partnerId: a.boris });
  });

  it("a direct customer becomes the promo partner's (the first attribution)", async () => {
    const customer = uid("cust");
    expect((await postEvents(revenue({ customer_external_id: customer }), a.key)).body.event.attribution).toBeNull();
    const res = await postEvents(revenue({ customer_external_id: customer, promo_code: annaCode }), a.key);
    expect(res.body.event.attribution).toMatchObject({ partner_id: a.anna });
    expect(await prisma.customer.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, externalId: customer } })).toMatchObject({ source: "referral", partnerId: a.anna });
  });

  it("unknown, deactivated or orphaned codes leave the event unattributed (201, not an error)", async () => {
    const off = await give(a, a.boris, "BORIS-OFF");
    await deactivatePromoCode(a.ctx, off.id);
    const suspendedPartner = await partnerIn(a.fixture.tenantId, "active", { name: "Soon suspended" });
    await prisma.programPartner.create({ data: { tenantId: a.fixture.tenantId, programId: a.programId, partnerId: suspendedPartner.id } });
    await give(a, suspendedPartner.id, "SUSPENDED-1");
    await prisma.partner.update({ where: { id: suspendedPartner.id }, data: { status: "suspended" } });
    for (const code of ["NO-SUCH-CODE", "boris-off", "SUSPENDED-1"]) {
      const res = await postEvents(revenue({ promo_code: code }), a.key);
      expect(res.status, code).toBe(201);
      expect(res.body.event.attribution, code).toBeNull();
    }
  });

  it("a malformed code is a translated 400 on promo_code", async () => {
    const en = await postEvents(revenue({ promo_code: "not a code!" }), a.key);
    expect(en.status).toBe(400);
    expect(en.body.error.fields).toEqual({ promo_code: enErrors.apikeys.promo_code_invalid });
    const ru = await postEvents(revenue({ promo_code: 42 }), a.key, { "accept-language": "ru" });
    expect(ru.body.error.fields).toEqual({ promo_code: ruErrors.apikeys.promo_code_invalid });
  });

  it("the code is part of the event: the same key with another code is a conflict; other case is a replay", async () => {
    const event = revenue({ promo_code: "anna-prec" });
    const first = await postEvents(event, a.key);
    expect((await postEvents({ ...event, promo_code: "ANNA-PREC" }, a.key)).body).toMatchObject({ duplicate: true, id: first.body.id });
    expect((await postEvents({ ...event, promo_code: "UNIQUE-1" }, a.key)).status).toBe(409);
    // An event without promo_code hashes as before the field existed (stored events keep replaying).
    const plain = revenue();
    const stored1 = await postEvents(plain, a.key);
    expect((await postEvents(plain, a.key)).body).toMatchObject({ duplicate: true, id: stored1.body.id });
  });
});

describe("promo-attributed conversions earn, are screened and reach webhooks", () => {
  it("a close through a promo code makes a commission (customer.created and commission.created events); a self-referral is held", async () => {
    const t = a.fixture.tenantId;
    await prisma.commissionRule.create({ data: { tenantId: t, programId: a.programId, name: "Close bounty", basis: "close_bounty", amountMinor: 5000n, currency: "USD", holdDays: 0 } });
    await prisma.webhookEndpoint.create({ data: { tenantId: t, url: "https://hooks.promo.test/x", events: ["customer.created", "commission.created"], secret: "whsec_promo" } });
    const close = (customer: string) => postEvents({ type: "close", idempotency_key: uid("close"), occurred_at: hourAgo(), customer_external_id: customer, promo_code: "ANNA-PREC" }, a.key);

    const res = await close(uid("cust"));
    const commission = await prisma.commission.findFirstOrThrow({ where: { eventId: res.body.id } });
    expect(commission).toMatchObject({ partnerId: a.anna, amountMinor: 5000n, riskCaseId: null });
    const types = (await prisma.webhookEvent.findMany({ where: { tenantId: t }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["customer.created", "commission.created"]);

    // The customer is Anna herself (her e-mail as the shop's customer id): the self-referral rule holds it.
    const annaEmail = (await prisma.partner.findUniqueOrThrow({ where: { id: a.anna } })).email;
    const own = await close(annaEmail.toUpperCase());
    expect((await stored(own.body.id)).promoCodeId).not.toBeNull();
    expect((await prisma.commission.findFirstOrThrow({ where: { eventId: own.body.id } })).riskCaseId).not.toBeNull();
  });
});

describe("order of precedence (CSV import)", () => {
  it("promo_code column: credits the partner, loses to click_id, unknown is unattributed, malformed is a row error", async () => {
    const click = await clickRow(a.fixture.tenantId, a.programId, a.boris);
    const file = parseRevenueFile([
      "type,occurred_at,customer_external_id,amount,currency,promo_code,click_id",
      `revenue,${hourAgo()},${uid("c")},10,USD,anna-prec,`,
      `revenue,${hourAgo()},${uid("c")},10,USD,ANNA-PREC,${click.id}`,
      `revenue,${hourAgo()},${uid("c")},10,USD,NOPE-NOPE,`,
      `revenue,${hourAgo()},${uid("c")},10,USD,bad code,`,
    ].join("\n"));
    if (!file.ok) throw new Error(file.problem.code);
    const result = await importRevenueChunk(a.ctx, file.rows);
    expect(result).toMatchObject({ imported: 3, failed: 1 });
    expect(result.outcomes[3].errors).toEqual([{ row: 5, column: "promo_code", code: "apikeys.promo_code_invalid" }]);
    const events = await prisma.conversionEvent.findMany({ where: { tenantId: a.fixture.tenantId, source: "csv" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.partnerId, e.clickId, e.promoCodeId !== null])).toEqual([[a.anna, null, true], [a.boris, click.id, false], [null, null, false]]);
  });
});
