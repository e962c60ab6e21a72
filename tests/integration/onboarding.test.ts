// Onboarding (issue 15, part 1) and the portal home's money (part 5): the checklist ticks each
// step exactly when this tenant's rows exist; "we close by hand" and "hide" go through the action
// client (zod, owners/admins only); the portal home shows one partner's own balance, next payout and
// commissions by client and deal, never another partner's or another tenant's.
import { randomBytes } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { createProgram } from "@/lib/programs/programs";
import { updatePayoutMinimums } from "@/lib/payouts/minimums";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { onboardingChecklist, readOnboardingSteps, type OnboardingStep } from "@/lib/onboarding/checklist";
import { portalHomeMoney } from "@/lib/earnings/portal-home";
import { agencyDefaults } from "@/lib/onboarding/agency-defaults";
import { resolveTenantContext } from "@/lib/auth/contexts/tenant";
import { tenantDb } from "@/lib/db/tenant-client";
import { settlePayoutPaid } from "@/lib/payouts/settle";
import { getT } from "@/lib/i18n/server";
import { OnboardingChecklistCard } from "@/components/onboarding/checklist-card";
import { HomeBalance, HomeCommissions } from "@/components/earnings/home-money";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { commissionsFor, payoutFor } from "./stripe-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { closesByHandAction, dismissOnboardingAction } = await import("@/lib/onboarding/actions");

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0|\u202f/g, " ").replace(/\s+/g, " ");

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const none: Record<OnboardingStep, boolean> = { program: false, commissionRule: false, partnerInvited: false, opportunity: false, payoutSettings: false, closes: false };

async function ruleFor(fixture: TenantFixture, programId: string, archived = false) {
  return prisma.commissionRule.create({
    data: { tenantId: fixture.tenantId, programId, name: "Standard", basis: "revenue_share", percentBps: 1000, currency: "RUB", archivedAt: archived ? new Date() : null },
  });
}

/** Everything the checklist asks for, in tenant `fixture` — used to prove it does not leak into another. */
async function completeSetupIn(fixture: TenantFixture, ctx: TenantContext) {
  const program = await programWith(fixture, []);
  await ruleFor(fixture, program.id);
  const partner = await prisma.partner.create({ data: { tenantId: fixture.tenantId, email: `p-${randomBytes(4).toString("hex")}@x.test`, name: "P", market: "US", status: "invited" } });
  await prisma.partnerInvite.create({ data: { tenantId: fixture.tenantId, partnerId: partner.id, tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86400_000) } });
  await prisma.opportunity.create({ data: { tenantId: fixture.tenantId, programId: program.id, side: "brand_seeks_creators", sourceMarket: "US", targetMarket: "RU" } });
  await updatePayoutMinimums(ctx, new Map([["USD", 5000n]]));
  await createApiKey(ctx, { name: "CRM" });
}

describe("onboarding checklist", () => {
  let a: { fixture: TenantFixture; ctx: TenantContext };
  let b: { fixture: TenantFixture; ctx: TenantContext };

  beforeAll(async () => {
    a = await tenantWithOwner("Onboarding A");
    b = await tenantWithOwner("Onboarding B");
    // Tenant B has done everything; none of it may tick tenant A's steps.
    await completeSetupIn(b.fixture, b.ctx);
  });

  it("ticks each step exactly when this tenant's rows exist, not another tenant's", async () => {
    expect((await readOnboardingSteps(b.ctx)).done).toEqual({ program: true, commissionRule: true, partnerInvited: true, opportunity: true, payoutSettings: true, closes: true });
    expect((await readOnboardingSteps(a.ctx)).done).toEqual(none);
    const fresh = await onboardingChecklist(a.ctx);
    expect(fresh).toMatchObject({ doneCount: 0, total: 6 });
    expect(fresh?.steps.map((s) => [s.key, s.path])).toEqual([
      ["program", "programs"], ["commissionRule", "commissions/rules#rule-form"], ["partnerInvited", "partners/new"],
      ["opportunity", "opportunities/new"], ["payoutSettings", "payouts"], ["closes", "settings/api-keys"],
    ]);

    // An archived program is not a program; a real one is.
    const archived = await programWith(a.fixture, [], { archived: true });
    expect((await readOnboardingSteps(a.ctx)).done.program).toBe(false);
    const program = await createProgram(a.ctx, { name: "Warm intros", mode: "direct", access: "invite_only", markets: ["RU"], attributionWindowDays: 30, protectionWindowDays: 90 } as Parameters<typeof createProgram>[1]);
    expect((await readOnboardingSteps(a.ctx)).done).toEqual({ ...none, program: true });

    // An archived rule does not count.
    await ruleFor(a.fixture, archived.id, true);
    expect((await readOnboardingSteps(a.ctx)).done.commissionRule).toBe(false);
    await ruleFor(a.fixture, program.id);
    expect((await readOnboardingSteps(a.ctx)).done).toEqual({ ...none, program: true, commissionRule: true });

    // A partner who only applied (not yet accepted) is not "invited"; an invitation is.
    const applicant = await prisma.partner.create({ data: { tenantId: a.fixture.tenantId, email: "applicant@x.test", name: "Applicant", market: "RU", status: "applied" } });
    expect((await readOnboardingSteps(a.ctx)).done.partnerInvited).toBe(false);
    await prisma.partnerInvite.create({ data: { tenantId: a.fixture.tenantId, partnerId: applicant.id, tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86400_000) } });
    const third = await onboardingChecklist(a.ctx);
    expect(third).toMatchObject({ doneCount: 3, total: 6 });
    expect(third?.steps.filter((s) => s.done).map((s) => s.key)).toEqual(["program", "commissionRule", "partnerInvited"]);
    // Rendered in Russian: «3 из 6», a Russian plural, each step linking to its page.
    const ru = text(renderToStaticMarkup(OnboardingChecklistCard({ checklist: third!, locale: "ru", tenant: a.fixture.slug, currency: "российский рубль", canManage: true, t: await getT("ru", ["dashboard"]) })));
    expect(ru).toContain("3 из 6");
    expect(ru).toContain("Осталось 3 шага");
    expect(ru).toContain("Валюта по умолчанию — российский рубль");
    expect(ru).toContain("Отмечаем сделки вручную");
    const en = renderToStaticMarkup(OnboardingChecklistCard({ checklist: third!, locale: "en", tenant: a.fixture.slug, currency: "US dollar", canManage: false, t: await getT("en", ["dashboard"]) }));
    expect(text(en)).toContain("3 of 6");
    expect(en).toContain(`href="/en/t/${a.fixture.slug}/opportunities/new"`);
    expect(en).not.toContain("We close by hand");

    await prisma.opportunity.create({ data: { tenantId: a.fixture.tenantId, programId: program.id, side: "creator_seeks_brands", sourceMarket: "RU", targetMarket: "US" } });
    expect((await readOnboardingSteps(a.ctx)).done.opportunity).toBe(true);

    // Payout settings: saved once (even with the defaults) through the payouts page's domain function.
    expect((await readOnboardingSteps(a.ctx)).done.payoutSettings).toBe(false);
    await updatePayoutMinimums(a.ctx, new Map([["RUB", 100000n], ["USD", 5000n]]));
    expect((await readOnboardingSteps(a.ctx)).done.payoutSettings).toBe(true);

    // A revoked key is not a connection.
    const key = await createApiKey(a.ctx, { name: "Old" });
    await prisma.apiKey.update({ where: { id: key.row.id }, data: { revokedAt: new Date() } });
    expect((await readOnboardingSteps(a.ctx)).done.closes).toBe(false);
    expect(await onboardingChecklist(a.ctx)).toMatchObject({ doneCount: 5 });
  });

  it("'we close by hand' is an owner's or admin's choice, validated, and finishes the checklist for good", async () => {
    const target = { locale: "en", tenant: a.fixture.slug };
    const manager = await memberContext(a.fixture, "manager");
    session.userId = manager.userId;
    expect(await closesByHandAction(target, {}, form({ closesByHand: "true" }))).toMatchObject({ ok: false, message: { key: "forbidden" } });
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: a.fixture.tenantId } })).closesByHand).toBe(false);

    const admin = await memberContext(a.fixture, "admin");
    session.userId = admin.userId;
    expect(await closesByHandAction(target, {}, form({ closesByHand: "maybe" }))).toMatchObject({ ok: false, fieldErrors: { closesByHand: { key: "invalid_choice" } } });
    // Another agency's slug answers like a missing one.
    await expect(closesByHandAction({ locale: "en", tenant: b.fixture.slug }, {}, form({ closesByHand: "true" }))).rejects.toThrow(/404/);
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: b.fixture.tenantId } })).closesByHand).toBe(false);

    expect(await closesByHandAction(target, {}, form({ closesByHand: "true" }))).toMatchObject({ ok: true });
    expect((await readOnboardingSteps(a.ctx)).done.closes).toBe(true);

    // All six done: the card hides itself and stays hidden, even when a step's rows go away.
    expect(await onboardingChecklist(a.ctx)).toBeNull();
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: a.fixture.tenantId } })).onboardingCompletedAt).toBeInstanceOf(Date);
    await prisma.program.updateMany({ where: { tenantId: a.fixture.tenantId }, data: { archivedAt: new Date() } });
    expect(await onboardingChecklist(a.ctx)).toBeNull();
    // The undo is the same action.
    expect(await closesByHandAction(target, {}, form({ closesByHand: "false" }))).toMatchObject({ ok: true });
    expect((await readOnboardingSteps(a.ctx)).done.closes).toBe(false);
  });

  it("can be hidden by an owner or admin only, for this tenant only", async () => {
    const c = await tenantWithOwner("Onboarding C");
    const analyst = await memberContext(c.fixture, "analyst");
    session.userId = analyst.userId;
    expect(await dismissOnboardingAction({ locale: "en", tenant: c.fixture.slug }, {})).toMatchObject({ ok: false, message: { key: "forbidden" } });
    expect(await onboardingChecklist(analyst)).not.toBeNull();
    session.userId = c.fixture.userId;
    expect(await dismissOnboardingAction({ locale: "en", tenant: c.fixture.slug }, {})).toMatchObject({ ok: true });
    expect(await onboardingChecklist(c.ctx)).toBeNull();
    expect(await onboardingChecklist(analyst)).toBeNull();
    const d = await tenantWithOwner("Onboarding D");
    expect(await onboardingChecklist(d.ctx)).toMatchObject({ doneCount: 0 });
  });
});

describe("agency defaults", () => {
  it("a new rule's currency and a new program's markets come from the agency, not USD/US+RU", async () => {
    const { fixture } = await tenantWithOwner("Defaults RUB");
    await prisma.tenant.update({ where: { id: fixture.tenantId }, data: { reportingCurrency: "RUB", enabledMarkets: ["RU", "KZ"] } });
    const ctx = await resolveTenantContext(fixture.userId, fixture.slug);
    expect(await agencyDefaults(ctx!)).toEqual({ currency: "RUB", markets: ["RU", "KZ"] });
  });
});

describe("portal home money", () => {
  let t: TenantFixture;
  let other: TenantFixture;
  let x: { partnerId: string; ctx: PartnerContext };
  let y: { partnerId: string; ctx: PartnerContext };
  let z: { partnerId: string; ctx: PartnerContext };
  let dealCommission: string;

  /** A client the partner referred (their name for it), won with a deal value, and the close event. */
  async function wonClient(fixture: TenantFixture, partnerId: string, programId: string, name: string, dealMinor: bigint) {
    const referral = await prisma.referral.create({
      data: { tenantId: fixture.tenantId, programId, partnerId, kind: "brand", subjectName: name, sourceMarket: "RU", targetMarket: "US", status: "won", dealValueMinor: dealMinor, dealCurrency: "RUB" },
    });
    const customer = await prisma.customer.create({ data: { tenantId: fixture.tenantId, externalId: `crm-${randomBytes(4).toString("hex")}`, name: `${name} LLC`, source: "referral", referralId: referral.id, partnerId } });
    const event = await prisma.conversionEvent.create({
      data: { tenantId: fixture.tenantId, type: "close", source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x", occurredAt: new Date("2026-10-01"), amountMinor: dealMinor, currency: "RUB", customerId: customer.id, referralId: referral.id, partnerId },
    });
    return { referral, customer, event };
  }

  beforeAll(async () => {
    t = await tenantWithOwner("Portal home").then((r) => r.fixture);
    other = await tenantWithOwner("Portal home other").then((r) => r.fixture);
    x = await partnerWithContext(t, { market: "RU", locale: "ru" });
    y = await partnerWithContext(t);
    z = await partnerWithContext(other);
    const program = await programWith(t, [x.partnerId, y.partnerId]);
    const otherProgram = await programWith(other, [z.partnerId]);

    // X: RUB approved 300,00 on "Sibirskie travy" (deal 450 000,00), pending 700,00 payable from 2027-01-15,
    // 200,00 in a sent payout, an earlier paid payout of 1 500,00; USD pending 42,00 from a customer
    // without a referral (a revenue payment).
    const won = await wonClient(t, x.partnerId, program.id, "Сибирские травы", 45_000_000n);
    [dealCommission] = await commissionsFor(t.tenantId, x.partnerId, [30000n], { currency: "RUB" });
    await prisma.commission.update({ where: { id: dealCommission }, data: { eventId: won.event.id, customerId: won.customer.id } });
    const [pending] = await commissionsFor(t.tenantId, x.partnerId, [70000n], { currency: "RUB", approve: false });
    await prisma.commission.update({ where: { id: pending }, data: { dueAt: new Date("2027-01-15T00:00:00Z") } });
    const inPayout = await commissionsFor(t.tenantId, x.partnerId, [20000n], { currency: "RUB" });
    await payoutFor(t.tenantId, x.partnerId, inPayout, { rail: "registry", status: "sent" });
    const paidIds = await commissionsFor(t.tenantId, x.partnerId, [150000n], { currency: "RUB" });
    const { payout: paid } = await payoutFor(t.tenantId, x.partnerId, paidIds, { rail: "registry" });
    await tenantDb(t.tenantId).$transaction((tx) => settlePayoutPaid(tx, { tenantId: t.tenantId, userId: null }, paid.id));
    await prisma.payout.update({ where: { id: paid.id }, data: { paidAt: new Date("2026-11-15T10:00:00Z") } });
    const direct = await prisma.customer.create({ data: { tenantId: t.tenantId, name: "Jess Rivera", partnerId: x.partnerId } });
    const revenue = await prisma.conversionEvent.create({
      data: { tenantId: t.tenantId, type: "revenue", source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x", occurredAt: new Date("2026-10-02"), amountMinor: 42000n, currency: "USD", customerId: direct.id, partnerId: x.partnerId },
    });
    const [usd] = await commissionsFor(t.tenantId, x.partnerId, [4200n], { currency: "USD", approve: false });
    await prisma.commission.update({ where: { id: usd }, data: { eventId: revenue.id } });

    // Y (same tenant) earns on its own client; Z (another tenant) too, with a payout on its way.
    const yWon = await wonClient(t, y.partnerId, program.id, "Secret client of Y", 99_900n);
    const [yc] = await commissionsFor(t.tenantId, y.partnerId, [5555n], { currency: "RUB" });
    await prisma.commission.update({ where: { id: yc }, data: { eventId: yWon.event.id, customerId: yWon.customer.id } });
    const zWon = await wonClient(other, z.partnerId, otherProgram.id, "Secret client of Z", 88_800n);
    const zc = await commissionsFor(other.tenantId, z.partnerId, [8888n], { currency: "RUB" });
    await prisma.commission.update({ where: { id: zc[0] }, data: { eventId: zWon.event.id, customerId: zWon.customer.id } });
    await payoutFor(other.tenantId, z.partnerId, zc, { rail: "registry", status: "ready" });
  });

  it("shows the balance per currency, what is on its way, when the next commission is payable and the last payout", async () => {
    const home = await portalHomeMoney(x.ctx);
    expect(home.balances.map((b) => [b.currency, b.approvedMinor, b.pendingMinor, b.inPayoutMinor])).toEqual([
      ["RUB", 30000n, 70000n, 20000n],
      ["USD", 0n, 4200n, 0n],
    ]);
    expect(home.onTheWay.map((p) => [p.amountMinor, p.currency, p.status])).toEqual([[20000n, "RUB", "sent"]]);
    expect(home.lastPaid).toMatchObject({ amountMinor: 150000n, currency: "RUB", paidAt: new Date("2026-11-15T10:00:00Z") });
    expect(home.nextPayableAt).toEqual(new Date("2027-01-15T00:00:00Z"));
    // The USD row's hold ended on 2026-10-31: it waits for approval, no date to promise.
    expect((await portalHomeMoney(x.ctx, new Date("2027-02-01"))).nextPayableAt).toBeNull();
  });

  it("names commissions by client and deal, never by id", async () => {
    const home = await portalHomeMoney(x.ctx);
    const byId = new Map(home.commissions.map((c) => [c.id, c]));
    expect(byId.get(dealCommission)).toMatchObject({ client: "Сибирские травы", deal: { amountMinor: 45_000_000n, currency: "RUB", kind: "deal" } });
    const usd = home.commissions.find((c) => c.currency === "USD");
    expect(usd).toMatchObject({ client: "Jess Rivera", deal: { amountMinor: 42000n, currency: "USD", kind: "payment" } });
    expect(home.commissions.length).toBe(5);
    expect(home.commissionTotal).toBe(5);
  });

  it("renders in Russian with ru-RU money and dates, the client and the deal", async () => {
    const [home, t] = await Promise.all([portalHomeMoney(x.ctx), getT("ru", ["portal", "earnings"])]);
    const balance = text(renderToStaticMarkup(HomeBalance({ locale: "ru", timeZone: "UTC", money: home, earningsHref: "/ru/p/x/earnings", t })));
    expect(balance).toContain("Доступно в рублях 300,00 ₽");
    expect(balance).toContain("Ожидает 700,00 ₽");
    expect(balance).toContain("Следующая выплата 200,00 ₽ в пути с");
    expect(balance).toContain("Отправлено");
    expect(balance).toContain("Следующая комиссия станет доступна к выплате 15.01.2027.");
    expect(balance).toContain("Последняя выплата: 1 500,00 ₽, 15.11.2026.");
    const list = text(renderToStaticMarkup(HomeCommissions({ locale: "ru", timeZone: "UTC", money: home, earningsHref: "/ru/p/x/earnings", t })));
    expect(list).toContain("Сибирские травы сделка 450 000,00 ₽ · 01.10.2026");
    expect(list).toContain("Jess Rivera платёж 420,00 $");
    expect(list).toContain("Всего 5 комиссий");
  });

  it("partner X never sees partner Y's or another tenant's money or clients", async () => {
    const xs = await portalHomeMoney(x.ctx);
    const own = new Set((await prisma.commission.findMany({ where: { partnerId: x.partnerId }, select: { id: true } })).map((c) => c.id));
    expect(xs.commissions.every((c) => own.has(c.id))).toBe(true);
    expect(JSON.stringify(xs.commissions.map((c) => c.client))).not.toMatch(/Secret/);

    const ys = await portalHomeMoney(y.ctx);
    expect(ys.commissions.map((c) => c.client)).toEqual(["Secret client of Y"]);
    expect(ys.balances.map((b) => [b.currency, b.approvedMinor])).toEqual([["RUB", 5555n]]);
    expect(ys.onTheWay).toEqual([]);
    expect(ys.lastPaid).toBeNull();

    const zs = await portalHomeMoney(z.ctx);
    expect(zs.commissions.map((c) => c.client)).toEqual(["Secret client of Z"]);
    expect(zs.onTheWay.map((p) => [p.amountMinor, p.status])).toEqual([[8888n, "ready"]]);
    expect(zs.balances.map((b) => b.currency)).toEqual(["RUB"]);
  });

  it("another partner's referral never lends its name to a commission", async () => {
    // A commission of X pointing at Y's customer (a mis-attribution): neither the customer's name
    // nor Y's words for the referral show; the row is "client not named".
    const yCustomer = await prisma.customer.findFirstOrThrow({ where: { tenantId: t.tenantId, referral: { partnerId: y.partnerId } } });
    const [c] = await commissionsFor(t.tenantId, x.partnerId, [100n], { currency: "RUB", approve: false });
    await prisma.commission.update({ where: { id: c }, data: { customerId: yCustomer.id, occurredAt: new Date("2026-12-01") } });
    const home = await portalHomeMoney(x.ctx);
    const row = home.commissions.find((r) => r.id === c);
    expect(row?.client).toBeNull();
    expect(row?.deal).toBeNull();
  });
});
