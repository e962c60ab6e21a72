import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { approveSelected } from "@/lib/commissions/staff-ledger";
import { claimForPayouts } from "@/lib/commissions/ledger";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { planPayoutRun } from "@/lib/payouts/plan";
import { evaluatePartners, runRiskDaily } from "@/lib/risk/evaluate";
import { listRiskCases } from "@/lib/risk/queue";
import { clearRiskCase, confirmRiskCase } from "@/lib/risk/resolve";
import { ledgerBalances } from "@/lib/commissions/balances";
import { updateRiskRule } from "@/lib/risk/settings";
import { riskRuleInput } from "@/lib/risk/schemas";
import { memberContext } from "../helpers/context";
import { prisma } from "../helpers/db";
import { payee, payoutWorld } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

const DAY = 86_400_000;
const hex = () => randomBytes(4).toString("hex");

/** A payable partner (payout method, tax profile, clear screening) in a program with a $50 close bounty and no hold period. */
async function world(name: string) {
  const w = await payoutWorld(name);
  const partnerId = await payee(w, { name: "Anna Partner", rail: "manual" });
  await prisma.partner.update({ where: { id: partnerId }, data: { email: `anna-${hex()}@anna-consulting.test` } });
  const program = await prisma.program.create({ data: { tenantId: w.fixture.tenantId, name: "Intros", markets: ["US", "RU"], mode: "direct" } });
  await prisma.programPartner.create({ data: { tenantId: w.fixture.tenantId, programId: program.id, partnerId } });
  await prisma.commissionRule.create({
    data: { tenantId: w.fixture.tenantId, programId: program.id, name: "Close bounty", basis: "close_bounty", amountMinor: 5000n, currency: "USD", holdDays: 0 },
  });
  return { w, partnerId, programId: program.id, system: { tenantId: w.fixture.tenantId, userId: null } };
}
type Setup = Awaited<ReturnType<typeof world>>;

/** A referred customer identified by `externalId` (a shop's customer e-mail) closes: the job makes one commission. */
async function close(s: Setup, options: { externalId?: string; clickId?: string; partnerId?: string } = {}) {
  const partnerId = options.partnerId ?? s.partnerId;
  const customer = await prisma.customer.create({
    data: { tenantId: s.w.fixture.tenantId, externalId: options.externalId ?? `cust-${hex()}`, source: "referral", partnerId, programId: s.programId, clickId: options.clickId ?? null },
  });
  const event = await prisma.conversionEvent.create({
    data: {
      tenantId: s.w.fixture.tenantId, type: "close", source: "api", idempotencyKey: hex(), payloadHash: "x", occurredAt: new Date(Date.now() - 2 * DAY),
      partnerId, programId: s.programId, customerId: customer.id, sourceMarket: "US", targetMarket: "US",
    },
  });
  await runCommissionJob(s.w.ctx.db, s.system, { eventIds: [event.id], approveDue: false });
  return prisma.commission.findFirstOrThrow({ where: { eventId: event.id } });
}

const partnerEmail = async (s: Setup) => (await prisma.partner.findUniqueOrThrow({ where: { id: s.partnerId } })).email;
const hitsOf = (tenantId: string) => prisma.riskHit.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

async function linkFor(s: Setup) {
  return prisma.trackedLink.create({
    data: { tenantId: s.w.fixture.tenantId, partnerId: s.partnerId, programId: s.programId, code: `rk${hex()}`, destinationUrl: "https://brand.test", sourceMarket: "US", targetMarket: "US" },
  });
}
async function click(s: Setup, visitorHash: string) {
  const link = await linkFor(s);
  const id = randomBytes(12).toString("base64url");
  await prisma.click.create({
    data: { id, tenantId: s.w.fixture.tenantId, linkId: link.id, partnerId: s.partnerId, programId: s.programId, sourceMarket: "US", targetMarket: "US", visitorHash },
  });
  return id;
}

describe("self-referral", () => {
  it("holds a commission whose customer e-mail is the partner's own; a stranger's is not held", async () => {
    const s = await world("Risk self e-mail");
    const own = await close(s, { externalId: (await partnerEmail(s)).toUpperCase() });
    expect(own.riskCaseId).not.toBeNull();
    const [hit] = await hitsOf(s.w.fixture.tenantId);
    expect(hit).toMatchObject({ kind: "self_referral", severity: "high", subjectKey: own.id, details: { match: "email" } });
    const { cases } = await listRiskCases(s.w.ctx);
    expect(cases.map((c) => [c.partner.id, c.commissions.map((x) => x.id)])).toEqual([[s.partnerId, [own.id]]]);
    // The opened case is "needs attention" for those who can resolve it: one inbox item per owner/admin.
    const notices = await prisma.staffNotification.findMany({ where: { tenantId: s.w.fixture.tenantId, kind: "risk_case_opened" } });
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => (n.params as { caseId: string; held: number }).caseId === cases[0].id && (n.params as { held: number }).held === 1)).toBe(true);

    const t = await world("Risk self near miss");
    const stranger = await close(t, { externalId: "buyer@another-company.test" });
    expect(stranger.riskCaseId).toBeNull();
    expect(await hitsOf(t.w.fixture.tenantId)).toEqual([]);
    expect(await prisma.staffNotification.count({ where: { tenantId: t.w.fixture.tenantId, kind: "risk_case_opened" } })).toBe(0);
  });

  it("matches the partner's company domain but not a free-mail domain", async () => {
    const s = await world("Risk self domain");
    const colleague = await close(s, { externalId: "boss@anna-consulting.test" });
    expect((await hitsOf(s.w.fixture.tenantId)).map((h) => [h.kind, (h.details as { match: string }).match])).toEqual([["self_referral", "email_domain"]]);
    expect(colleague.riskCaseId).not.toBeNull();

    const t = await world("Risk self free mail");
    await prisma.partner.update({ where: { id: t.partnerId }, data: { email: `anna.${hex()}@yandex.ru` } });
    const other = await close(t, { externalId: "someone.else@yandex.ru" });
    expect(other.riskCaseId).toBeNull();
  });

  it("matches the click's visitor hash with the partner's own portal sessions", async () => {
    const s = await world("Risk self visitor");
    await prisma.partnerVisitor.create({ data: { tenantId: s.w.fixture.tenantId, partnerId: s.partnerId, visitorHash: "own-browser" } });
    const ownClick = await close(s, { clickId: await click(s, "own-browser") });
    expect(ownClick.riskCaseId).not.toBeNull();
    expect((await hitsOf(s.w.fixture.tenantId))[0].details).toMatchObject({ match: "visitor" });
    const visitor = await close(s, { clickId: await click(s, "someone-else") });
    // A different browser: no new finding (the commission waits only because the partner's case is open).
    expect(await hitsOf(s.w.fixture.tenantId)).toHaveLength(1);
    expect(visitor.riskCaseId).toBe(ownClick.riskCaseId);
  });
});

describe("disposable e-mail", () => {
  it("holds a customer on a throwaway domain (the mailchecker list), not an ordinary one", async () => {
    const s = await world("Risk disposable");
    const held = await close(s, { externalId: "quick123@mailinator.com" });
    expect(held.riskCaseId).not.toBeNull();
    expect((await hitsOf(s.w.fixture.tenantId)).map((h) => [h.kind, h.severity])).toEqual([["disposable_email", "medium"]]);

    const t = await world("Risk disposable near miss");
    expect((await close(t, { externalId: "buyer@gmail.com" })).riskCaseId).toBeNull();
  });
});

describe("shared payout account or tax id", () => {
  it("holds every unpaid commission of partners sharing a bank account, found when payout details change", async () => {
    const s = await world("Risk shared account");
    const before = await close(s);
    expect(before.riskCaseId).toBeNull();
    const other = await payee(s.w, { name: "Борис Второй", rail: "registry" });
    await prisma.payoutMethod.update({
      where: { partnerId: s.partnerId },
      data: { rail: "registry", currency: "RUB", bic: "044525225", accountNumber: "40817810099910004312" },
    });
    const events = await evaluatePartners(s.w.ctx.db, s.system, [s.partnerId]);
    // Both partners are judged: the one who saved and the one already holding that account.
    expect(events.map((e) => e.partnerId).sort()).toEqual([s.partnerId, other].sort());
    const mine = events.find((e) => e.partnerId === s.partnerId)!;
    expect(await prisma.commission.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ riskCaseId: mine.caseId });
    const hits = (await hitsOf(s.w.fixture.tenantId)).filter((h) => h.subjectKey.startsWith(s.partnerId));
    expect(hits.map((h) => [h.kind, (h.details as { field: string }).field])).toEqual([["shared_payout_account", "bank_account"]]);
    expect(hits[0].details).toMatchObject({ otherPartnerIds: [other] });
    // Evaluating again records nothing new and opens no second case.
    expect(await evaluatePartners(s.w.ctx.db, s.system, [s.partnerId])).toEqual([]);
    expect(await prisma.riskCase.count({ where: { tenantId: s.w.fixture.tenantId, partnerId: s.partnerId } })).toBe(1);
  });

  it("matches an INN on tax profiles; different INNs are not a finding", async () => {
    const s = await world("Risk shared INN");
    const other = await payee(s.w, { name: "Other", rail: "manual" });
    await prisma.taxProfile.update({ where: { partnerId: other }, data: { inn: "7707083893" } });
    await prisma.taxProfile.update({ where: { partnerId: s.partnerId }, data: { inn: "7736207543" } });
    expect(await evaluatePartners(s.w.ctx.db, s.system, [s.partnerId])).toEqual([]);
    await prisma.taxProfile.update({ where: { partnerId: s.partnerId }, data: { inn: "7707083893" } });
    const held = await close(s);
    expect(held.riskCaseId).not.toBeNull();
    expect((await hitsOf(s.w.fixture.tenantId)).map((h) => [h.kind, (h.details as { field: string }).field])).toEqual([["shared_payout_account", "inn"]]);
  });
});

describe("banned in another program of the agency", () => {
  it("holds a partner who used the portal from the same browser as a suspended partner, not as an active one", async () => {
    const s = await world("Risk banned");
    const active = await payee(s.w, { name: "Active Twin" });
    await prisma.partnerVisitor.createMany({
      data: [
        { tenantId: s.w.fixture.tenantId, partnerId: s.partnerId, visitorHash: "shared-laptop" },
        { tenantId: s.w.fixture.tenantId, partnerId: active, visitorHash: "shared-laptop" },
      ],
    });
    expect((await close(s)).riskCaseId).toBeNull();
    await prisma.partner.update({ where: { id: active }, data: { status: "suspended" } });
    expect((await close(s)).riskCaseId).not.toBeNull();
    expect((await hitsOf(s.w.fixture.tenantId)).map((h) => [h.kind, h.details])).toEqual([
      ["banned_elsewhere", { otherPartnerId: active, otherStatus: "suspended", via: "visitor" }],
    ]);
  });
});

describe("link rules over ClickDaily", () => {
  async function days(s: Setup, linkId: string, rows: [string, number, number][]) {
    await prisma.clickDaily.createMany({
      data: rows.map(([day, clicks, bots]) => ({
        tenantId: s.w.fixture.tenantId, day: new Date(`${day}T00:00:00Z`), linkId, partnerId: s.partnerId, programId: s.programId,
        sourceMarket: "US" as const, targetMarket: "US" as const, clicks, bots,
      })),
    });
  }
  const week = (clicks: number): [string, number, number][] => [1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-11-0${d}`, clicks, 0]);

  it("a click spike holds the partner's commissions in the link's program; a busy but normal day does not", async () => {
    const s = await world("Risk spike");
    const commission = await close(s);
    const link = await linkFor(s);
    await days(s, link.id, [...week(20), ["2026-11-08", 99, 0], ["2026-11-09", 150, 0]]);
    // 99 clicks: under the 100-click minimum. Not a finding.
    expect(await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-08T00:00:00Z"))).toEqual([]);
    // 150 clicks against a 7-day average of ~26: not 5× either.
    expect(await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-09T00:00:00Z"))).toEqual([]);
    await prisma.riskRule.create({ data: { tenantId: s.w.fixture.tenantId, kind: "click_spike", threshold: 400, minClicks: 100 } });
    const [event] = await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-09T00:00:00Z"));
    expect(event).toMatchObject({ partnerId: s.partnerId, heldCommissions: 1 });
    expect(await prisma.commission.findUniqueOrThrow({ where: { id: commission.id } })).toMatchObject({ riskCaseId: event.caseId });
    // The job killed and run again: nothing twice.
    expect(await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-09T00:00:00Z"))).toEqual([]);
    expect(await hitsOf(s.w.fixture.tenantId)).toHaveLength(1);
  });

  it("a bot ratio at or above the threshold is a finding, below it is not", async () => {
    const s = await world("Risk bots");
    await close(s);
    const link = await linkFor(s);
    await days(s, link.id, [["2026-11-10", 60, 40], ["2026-11-11", 50, 50]]);
    expect(await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-10T00:00:00Z"))).toEqual([]);
    expect(await runRiskDaily(s.w.ctx.db, s.system, new Date("2026-11-11T00:00:00Z"))).toHaveLength(1);
    expect((await hitsOf(s.w.fixture.tenantId)).map((h) => [h.kind, h.details])).toEqual([
      ["bot_ratio", { linkId: link.id, day: "2026-11-11", bots: 50, requests: 100, percent: 50 }],
    ]);
  });
});

describe("rule settings", () => {
  it("a rule switched off finds nothing; the change is audited and validated", async () => {
    const s = await world("Risk settings");
    await updateRiskRule(s.w.ctx, riskRuleInput.parse({ kind: "self_referral", severity: "low", threshold: "", minClicks: "" }));
    expect((await close(s, { externalId: await partnerEmail(s) })).riskCaseId).toBeNull();
    expect(await prisma.auditLog.count({ where: { tenantId: s.w.fixture.tenantId, action: "risk.rule_updated" } })).toBe(1);
    const bad = riskRuleInput.safeParse({ kind: "bot_ratio", enabled: "on", severity: "high", threshold: "150", minClicks: "10" });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["threshold", "risk.percent_range"]]);
    const manager = await memberContext(s.w.fixture, "manager");
    await expect(updateRiskRule(manager, riskRuleInput.parse({ kind: "self_referral", enabled: "on", severity: "high" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("hold, review and payout", () => {
  it("hold → cleared → payable: a held commission stays out of payout runs until staff clear the case", async () => {
    const s = await world("Risk clear");
    const held = await close(s, { externalId: await partnerEmail(s) });
    await approveSelected(s.w.ctx, [held.id]);
    expect(await prisma.commission.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "approved", riskCaseId: held.riskCaseId });
    expect((await planPayoutRun(s.w.ctx.db, { cutoffAt: new Date() })).groups).toEqual([]);
    await expect(createPayoutRun(s.w.ctx, { cutoffAt: new Date() })).rejects.toMatchObject({ code: "payouts.nothing_to_pay" });
    // Even a direct claim (a run planned just before the hold) cannot take it.
    const payout = { id: "none" };
    expect(await s.w.ctx.db.$transaction((tx) => claimForPayouts(tx, s.system, [{ commissionId: held.id, payoutId: payout.id }]))).toEqual([]);
    // The balances agree with the run: an approved row under review is pending, not "approved" (payable).
    const balance = async () => (await ledgerBalances(s.w.ctx.db, { partnerId: s.partnerId })).map((b) => [b.pendingMinor, b.approvedMinor]);
    expect(await balance()).toEqual([[held.amountMinor, 0n]]);

    expect(await clearRiskCase(s.w.ctx, held.riskCaseId!, { note: "Known customer" })).toEqual({ released: 1 });
    expect(await balance()).toEqual([[0n, held.amountMinor]]);
    const cleared = await prisma.commission.findUniqueOrThrow({ where: { id: held.id } });
    expect(cleared).toMatchObject({ status: "approved", riskCaseId: null });
    const run = await createPayoutRun(s.w.ctx, { cutoffAt: new Date() });
    expect(await prisma.payoutItem.findMany({ where: { commissionId: held.id }, select: { payout: { select: { runId: true } } } })).toEqual([{ payout: { runId: run.id } }]);
    const actions = await prisma.commissionTransition.findMany({ where: { commissionId: held.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["created", "risk_held", "approved", "risk_cleared", "claimed"]);
    expect(await prisma.auditLog.count({ where: { tenantId: s.w.fixture.tenantId, action: "risk.case_cleared" } })).toBe(1);
    // Cleared is final: the same finding does not come back, and the case cannot be resolved twice.
    await expect(clearRiskCase(s.w.ctx, held.riskCaseId!, { note: null })).rejects.toMatchObject({ code: "risk.case_not_open" });
  });

  it("hold → confirmed → voided, and the partner suspended when staff ask for it", async () => {
    const s = await world("Risk confirm");
    const held = await close(s, { externalId: await partnerEmail(s) });
    const result = await confirmRiskCase(s.w.ctx, held.riskCaseId!, { note: "Bought from themselves", suspend: true }, "http://localhost");
    expect(result).toMatchObject({ voided: 1, suspended: true });
    expect(await prisma.commission.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "void", riskCaseId: held.riskCaseId });
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: s.partnerId } })).toMatchObject({ status: "suspended", statusReason: "Bought from themselves" });
    expect(await prisma.riskCase.findUniqueOrThrow({ where: { id: held.riskCaseId! } })).toMatchObject({ status: "confirmed", partnerSuspended: true });
    const audit = await prisma.auditLog.findMany({ where: { tenantId: s.w.fixture.tenantId, action: { in: ["risk.case_confirmed", "partner.suspended"] } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["partner.suspended", "risk.case_confirmed"]);
    const manager = await memberContext(s.w.fixture, "manager");
    await expect(clearRiskCase(manager, held.riskCaseId!, { note: null })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("tenant isolation", () => {
  it("another agency cannot list, clear or confirm a case, and its rules do not apply", async () => {
    const a = await world("Risk tenant A");
    const held = await close(a, { externalId: await partnerEmail(a) });
    const b = await world("Risk tenant B");
    expect((await listRiskCases(b.w.ctx)).cases).toEqual([]);
    await expect(clearRiskCase(b.w.ctx, held.riskCaseId!, { note: null })).rejects.toMatchObject({ code: "not_found" });
    await expect(confirmRiskCase(b.w.ctx, held.riskCaseId!, { note: "nope", suspend: true }, "http://localhost")).rejects.toMatchObject({ code: "not_found" });
    expect(await b.w.ctx.db.riskHit.count()).toBe(0);
    expect(await b.w.ctx.db.partnerVisitor.count()).toBe(0);
    // B switching a rule off changes nothing for A.
    await updateRiskRule(b.w.ctx, riskRuleInput.parse({ kind: "self_referral", severity: "low" }));
    expect((await close(a, { externalId: (await partnerEmail(a)).toUpperCase() })).riskCaseId).toBe(held.riskCaseId);
    expect(await prisma.riskRule.count({ where: { tenantId: a.w.fixture.tenantId } })).toBe(0);
    expect(await prisma.riskCase.findUniqueOrThrow({ where: { id: held.riskCaseId! } })).toMatchObject({ status: "open" });
  });
});
