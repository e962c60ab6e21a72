import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { planPayoutRun } from "@/lib/payouts/plan";
import { approveSelected, createAdjustment, voidSelected } from "@/lib/commissions/staff-ledger";
import { ledgerBalances } from "@/lib/commissions/balances";
import { previewHypothetical, previewStoredEvent } from "@/lib/commissions/preview";
import { tiersToJson, type Tier } from "@/lib/commissions/compute";
import { ingestEvent } from "@/lib/conversions/ingest";
import type { CommissionBasis, ConversionType, Market } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError } from "@/lib/kernel/errors";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

async function setup(name = "Commissions") {
  const { fixture, ctx } = await tenantWithOwner(name);
  const us = await partnerWithContext(fixture, { market: "US" });
  const ru = await partnerWithContext(fixture, { market: "RU" });
  const program = await programWith(fixture, [us.partnerId, ru.partnerId]);
  const system = { tenantId: ctx.tenantId, userId: null };
  return { fixture, ctx, us: us.partnerId, ru: ru.partnerId, program: program.id, system };
}

type RuleSpec = {
  basis: CommissionBasis; percentBps?: number; amountMinor?: bigint; currency?: string; market?: Market | null;
  durationMonths?: number | null; tiers?: Tier[]; capMinor?: bigint | null; holdDays?: number;
};
function rule(ctx: TenantContext, programId: string, spec: RuleSpec) {
  return prisma.commissionRule.create({
    data: {
      tenantId: ctx.tenantId, programId, name: `${spec.basis} rule`, basis: spec.basis, percentBps: spec.percentBps ?? null,
      amountMinor: spec.amountMinor ?? null, currency: spec.currency ?? "USD", market: spec.market ?? null,
      durationMonths: spec.durationMonths ?? null, tiers: tiersToJson(spec.tiers ?? []), capMinor: spec.capMinor ?? null, holdDays: spec.holdDays ?? 30,
    },
  });
}

function customer(ctx: TenantContext, partnerId: string, programId: string, firstSeenAt: Date) {
  return prisma.customer.create({
    data: { tenantId: ctx.tenantId, externalId: `c-${randomBytes(4).toString("hex")}`, source: "referral", partnerId, programId, firstSeenAt },
  });
}

function event(ctx: TenantContext, spec: { type: ConversionType; partnerId: string; programId: string; occurredAt: Date; amountMinor?: bigint; currency?: string; customerId?: string }) {
  return prisma.conversionEvent.create({
    data: {
      tenantId: ctx.tenantId, type: spec.type, source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x",
      occurredAt: spec.occurredAt, amountMinor: spec.amountMinor ?? null, currency: spec.amountMinor !== undefined ? (spec.currency ?? "USD") : null,
      partnerId: spec.partnerId, programId: spec.programId, customerId: spec.customerId ?? null, sourceMarket: "US", targetMarket: "RU",
    },
  });
}

const rows = (tenantId: string) => prisma.commission.findMany({ where: { tenantId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });

describe("the commission job", () => {
  it("is idempotent: a second run creates nothing and audits nothing", async () => {
    const s = await setup();
    const r = await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1000 });
    const c = await customer(s.ctx, s.us, s.program, at("2026-03-01T00:00:00Z"));
    const e = await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-10T12:00:00Z"), amountMinor: 12345n, customerId: c.id });

    const first = await runCommissionJob(s.ctx.db, s.system, { now: at("2026-03-11T00:00:00Z") });
    expect(first).toEqual({ created: 1, skipped: 0, waitingForFx: 0, autoApproved: 0, reasons: [] });
    const second = await runCommissionJob(s.ctx.db, s.system, { now: at("2026-03-11T00:00:00Z") });
    expect(second.created).toBe(0);

    const [row] = await rows(s.ctx.tenantId);
    expect(row).toMatchObject({ eventId: e.id, ruleId: r.id, partnerId: s.us, customerId: c.id, kind: "earning", status: "pending", amountMinor: 1234n, currency: "USD", baseAmountMinor: 12345n, baseCurrency: "USD", fxRate: null });
    expect(row.dueAt.toISOString()).toBe("2026-04-09T12:00:00.000Z");
    expect(row.explanation).toMatchObject({ rule: { id: r.id }, basis: "revenue_share", percentBps: 1000, amountMinor: "1234", rounding: "half_even" });
    expect(await prisma.commissionTransition.count({ where: { commissionId: row.id } })).toBe(1);
    expect(await prisma.commission.count({ where: { tenantId: s.ctx.tenantId } })).toBe(1);
  });

  it("run twice concurrently: exactly one commission per event and rule, each created once", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 5000n });
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 100n, tiers: [{ minCount: 5, amountMinor: 200n }] });
    for (let i = 0; i < 30; i++) await event(s.ctx, { type: "lead", partnerId: i % 2 ? s.us : s.ru, programId: s.program, occurredAt: new Date(at("2026-05-01T00:00:00Z").getTime() + i * 3_600_000) });

    const [a, b] = await Promise.all([runCommissionJob(s.ctx.db, s.system), runCommissionJob(s.ctx.db, s.system)]);
    expect(a.created + b.created).toBe(60);
    const all = await rows(s.ctx.tenantId);
    expect(all).toHaveLength(60);
    expect(new Set(all.map((r) => `${r.eventId}|${r.ruleId}`)).size).toBe(60);
    const created = await prisma.commissionTransition.groupBy({ by: ["commissionId"], where: { tenantId: s.ctx.tenantId, action: "created" }, _count: { _all: true } });
    expect(created).toHaveLength(60);
    expect(created.every((g) => g._count._all === 1)).toBe(true);
    // Tiers are as deterministic as a single run: per partner, the 5th+ lead of the month earns 200.
    const tiered = all.filter((r) => r.amountMinor === 200n);
    expect(tiered).toHaveLength(2 * (15 - 4));
  });

  it("handles thousands of events in batches, caps holding across batch boundaries", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1000, capMinor: 25_000n, tiers: [{ minCount: 1000, percentBps: 2000 }] });
    const customers = await Promise.all(Array.from({ length: 20 }, () => customer(s.ctx, s.us, s.program, at("2026-01-01T00:00:00Z"))));
    const start = at("2026-01-01T00:00:00Z").getTime();
    await prisma.conversionEvent.createMany({
      data: Array.from({ length: 2400 }, (_, i) => ({
        tenantId: s.ctx.tenantId, type: "revenue" as const, source: "api" as const, idempotencyKey: `bulk-${i}`, payloadHash: "x",
        occurredAt: new Date(start + i * 600_000), amountMinor: 10_000n, currency: "USD", partnerId: s.us, programId: s.program, customerId: customers[i % 20].id,
      })),
    });
    const started = Date.now();
    const result = await runCommissionJob(s.ctx.db, s.system);
    console.log(`commission job: 2400 events in ${Date.now() - started} ms`, result);
    // Each customer earns 1 000 per event until the 25 000 cap: 25 events each → 500 commissions, the rest skipped.
    expect(result).toMatchObject({ created: 500, skipped: 1900 });
    const sums = await prisma.commission.groupBy({ by: ["customerId"], where: { tenantId: s.ctx.tenantId }, _sum: { amountMinor: true } });
    expect(sums.every((g) => g._sum.amountMinor === 25_000n)).toBe(true);
  });

  it("volume tiers count the partner's earning commissions per calendar month (UTC)", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 5000n, tiers: [{ minCount: 3, amountMinor: 7500n }, { minCount: 5, amountMinor: 9000n }] });
    const march = ["01", "05", "09", "20", "31"].map((d) => at(`2026-03-${d}T23:30:00Z`));
    for (const occurredAt of [...march, at("2026-04-01T00:00:00Z")]) await event(s.ctx, { type: "lead", partnerId: s.us, programId: s.program, occurredAt });
    await event(s.ctx, { type: "lead", partnerId: s.ru, programId: s.program, occurredAt: at("2026-03-15T00:00:00Z") });
    await runCommissionJob(s.ctx.db, s.system);
    const us = (await rows(s.ctx.tenantId)).filter((r) => r.partnerId === s.us);
    expect(us.map((r) => r.amountMinor)).toEqual([5000n, 5000n, 7500n, 7500n, 9000n, 5000n]);
    expect(us[2].explanation).toMatchObject({ tier: { minCount: 3, count: 3 }, bountyMinor: "7500" });
    const ru = (await rows(s.ctx.tenantId)).filter((r) => r.partnerId === s.ru);
    expect(ru.map((r) => r.amountMinor)).toEqual([5000n]);
  });

  it("caps a customer's earnings under a rule", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1000, capMinor: 1500n });
    const c = await customer(s.ctx, s.us, s.program, at("2026-03-01T00:00:00Z"));
    const other = await customer(s.ctx, s.us, s.program, at("2026-03-01T00:00:00Z"));
    for (const [day, cust] of [["02", c], ["03", c], ["04", c], ["05", other]] as const) {
      await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at(`2026-03-${day}T00:00:00Z`), amountMinor: 10000n, customerId: cust.id });
    }
    const result = await runCommissionJob(s.ctx.db, s.system);
    expect(result).toMatchObject({ created: 3, skipped: 1 });
    const all = await rows(s.ctx.tenantId);
    expect(all.map((r) => r.amountMinor)).toEqual([1000n, 500n, 1000n]);
    expect(all[1].explanation).toMatchObject({ cap: { capMinor: "1500", earnedBeforeMinor: "1000", uncappedMinor: "1000" } });
  });

  it("revenue share stops after N months from the customer's first sight", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 2000, durationMonths: 3 });
    const c = await customer(s.ctx, s.us, s.program, at("2026-01-15T00:00:00Z"));
    await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at("2026-04-14T23:59:00Z"), amountMinor: 1000n, customerId: c.id });
    await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at("2026-04-15T00:00:00Z"), amountMinor: 1000n, customerId: c.id });
    expect(await runCommissionJob(s.ctx.db, s.system)).toMatchObject({ created: 1, skipped: 1 });
    const [row] = await rows(s.ctx.tenantId);
    expect(row.amountMinor).toBe(200n);
    expect(row.explanation).toMatchObject({ duration: { months: 3, endsAt: "2026-04-15T00:00:00.000Z" } });
  });

  it("only rules of the partner's market (or all markets) and of the event's program earn", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "close_bounty", amountMinor: 100000n, currency: "RUB", market: "RU" });
    await rule(s.ctx, s.program, { basis: "close_bounty", amountMinor: 2500n, market: "US" });
    const otherProgram = await programWith(s.fixture, [s.us]);
    await rule(s.ctx, otherProgram.id, { basis: "close_bounty", amountMinor: 1n });
    await event(s.ctx, { type: "close", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-01T00:00:00Z") });
    await event(s.ctx, { type: "close", partnerId: s.ru, programId: s.program, occurredAt: at("2026-03-02T00:00:00Z") });
    await runCommissionJob(s.ctx.db, s.system);
    const all = await rows(s.ctx.tenantId);
    expect(all.map((r) => [r.partnerId, r.amountMinor, r.currency])).toEqual([[s.us, 2500n, "USD"], [s.ru, 100000n, "RUB"]]);
  });

  it("records the FX rate when currencies differ, and waits when the rate is missing", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1000, currency: "RUB" });
    const c = await customer(s.ctx, s.ru, s.program, at("2026-03-01T00:00:00Z"));
    const e = await event(s.ctx, { type: "revenue", partnerId: s.ru, programId: s.program, occurredAt: at("2026-03-10T12:00:00Z"), amountMinor: 10000n, currency: "USD", customerId: c.id });

    expect(await runCommissionJob(s.ctx.db, s.system)).toMatchObject({ created: 0, waitingForFx: 1 });
    expect(await rows(s.ctx.tenantId)).toHaveLength(0);

    await prisma.fxRate.create({ data: { tenantId: s.ctx.tenantId, day: at("2026-03-09T00:00:00Z"), base: "USD", quote: "RUB", rate: "90.5", source: "cbr" } });
    expect(await runCommissionJob(s.ctx.db, s.system)).toMatchObject({ created: 1, waitingForFx: 0 });
    const [row] = await rows(s.ctx.tenantId);
    // 100.00 USD × 90.5 = 9 050.00 RUB; 10 % = 905.00 RUB.
    expect(row).toMatchObject({ eventId: e.id, amountMinor: 90500n, currency: "RUB", baseAmountMinor: 10000n, baseCurrency: "USD", fxSource: "cbr (direct)" });
    expect(row.fxRate?.toFixed()).toBe("90.5");
    expect(row.fxRateDay?.toISOString()).toBe("2026-03-09T00:00:00.000Z");
    expect(row.explanation).toMatchObject({ converted: { amountMinor: "905000", currency: "RUB" }, fx: { rate: "90.5", rateDay: "2026-03-09" } });
  });

  it("a refund claws back refund × percent, never more than the customer earned, due at once", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1000 });
    const c = await customer(s.ctx, s.us, s.program, at("2026-03-01T00:00:00Z"));
    const earn = await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-02T00:00:00Z"), amountMinor: 20000n, customerId: c.id });
    const partial = await event(s.ctx, { type: "refund", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-03T00:00:00Z"), amountMinor: 5000n, customerId: c.id });
    const huge = await event(s.ctx, { type: "refund", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-04T00:00:00Z"), amountMinor: 900000n, customerId: c.id });
    const more = await event(s.ctx, { type: "refund", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-05T00:00:00Z"), amountMinor: 100n, customerId: c.id });

    const result = await runCommissionJob(s.ctx.db, s.system, { now: at("2026-03-06T00:00:00Z") });
    expect(result).toMatchObject({ created: 3, skipped: 1, autoApproved: 2 });
    const all = await rows(s.ctx.tenantId);
    const earning = all.find((r) => r.eventId === earn.id)!;
    expect(earning.amountMinor).toBe(2000n);
    const claws = all.filter((r) => r.kind === "clawback");
    expect(claws.map((r) => [r.eventId, r.amountMinor])).toEqual([[partial.id, -500n], [huge.id, -1500n]]);
    expect(claws.every((r) => r.reversesId === earning.id && r.dueAt.getTime() === r.occurredAt.getTime() && r.status === "approved")).toBe(true);
    expect(all.some((r) => r.eventId === more.id)).toBe(false);
    const sum = all.filter((r) => r.status !== "void").reduce((acc, r) => acc + r.amountMinor, 0n);
    expect(sum).toBe(0n);
  });

  it("holds a commission until dueAt, then auto-approves it", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 5000n, holdDays: 14 });
    const e = await event(s.ctx, { type: "lead", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-01T00:00:00Z") });
    expect(await runCommissionJob(s.ctx.db, s.system, { now: new Date(at("2026-03-01T00:00:00Z").getTime() + 13 * DAY) })).toMatchObject({ created: 1, autoApproved: 0 });
    expect((await rows(s.ctx.tenantId))[0].status).toBe("pending");
    expect(await runCommissionJob(s.ctx.db, s.system, { now: at("2026-03-15T00:00:00Z") })).toMatchObject({ created: 0, autoApproved: 1 });
    const [row] = await rows(s.ctx.tenantId);
    expect(row).toMatchObject({ eventId: e.id, status: "approved", approvedById: null });
    const transitions = await prisma.commissionTransition.findMany({ where: { commissionId: row.id }, orderBy: { createdAt: "asc" } });
    expect(transitions.map((t) => [t.action, t.fromStatus, t.toStatus])).toEqual([["created", null, "pending"], ["auto_approved", "pending", "approved"]]);
  });

  it("staff approval inside the hold makes the commission payable now (an already-due one keeps its date)", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 5000n, holdDays: 30 });
    await event(s.ctx, { type: "lead", partnerId: s.us, programId: s.program, occurredAt: new Date(Date.now() - DAY) });
    await event(s.ctx, { type: "lead", partnerId: s.us, programId: s.program, occurredAt: new Date(Date.now() - 40 * DAY) });
    await runCommissionJob(s.ctx.db, s.system, { approveDue: false });
    const [old, recent] = await rows(s.ctx.tenantId);
    expect(recent.dueAt.getTime()).toBeGreaterThan(Date.now());
    const before = Date.now();
    expect(await approveSelected(s.ctx, [old.id, recent.id])).toBe(2);
    const [oldAfter, recentAfter] = await rows(s.ctx.tenantId);
    expect(oldAfter.dueAt).toEqual(old.dueAt);
    expect(recentAfter.dueAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(recentAfter.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    const plan = await planPayoutRun(s.ctx.db, { cutoffAt: new Date() });
    expect(plan.groups.flatMap((g) => g.items.map((i) => i.commissionId)).sort()).toEqual([old.id, recent.id].sort());
  });

  it("staff approve early, void with a reason and adjust by hand — each audited", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 5000n, holdDays: 30 });
    for (const d of ["01", "02"]) await event(s.ctx, { type: "lead", partnerId: s.us, programId: s.program, occurredAt: at(`2026-03-${d}T00:00:00Z`) });
    await runCommissionJob(s.ctx.db, s.system, { now: at("2026-03-03T00:00:00Z") });
    const [first, second] = await rows(s.ctx.tenantId);

    expect(await approveSelected(s.ctx, [first.id])).toBe(1);
    await expect(approveSelected(s.ctx, [first.id])).rejects.toMatchObject({ code: "commissions.nothing_to_approve" });
    expect(await voidSelected(s.ctx, [second.id], "duplicate lead")).toBe(1);
    await expect(voidSelected(s.ctx, [second.id], "again")).rejects.toBeInstanceOf(DomainError);
    const adjustmentId = await createAdjustment(s.ctx, { partnerId: s.us, currency: "USD", amountMinor: -1250n, reason: "goodwill correction" });

    const transitions = await prisma.commissionTransition.findMany({ where: { tenantId: s.ctx.tenantId, action: { not: "created" } } });
    expect(transitions.map((t) => [t.commissionId, t.action, t.actorUserId, t.reason]).sort()).toEqual([
      [first.id, "approved", s.ctx.userId, null],
      [second.id, "voided", s.ctx.userId, "duplicate lead"],
    ].sort());
    const adjustment = await prisma.commission.findUniqueOrThrow({ where: { id: adjustmentId } });
    expect(adjustment).toMatchObject({ kind: "adjustment", status: "approved", amountMinor: -1250n, createdById: s.ctx.userId, reason: "goodwill correction" });
    expect(await prisma.commissionTransition.count({ where: { commissionId: adjustmentId, action: "created", actorUserId: s.ctx.userId } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { tenantId: s.ctx.tenantId, action: "commission.adjusted", entityId: adjustmentId } })).toBe(1);

    const [balance] = await ledgerBalances(s.ctx.db, { partnerId: s.us });
    expect(balance).toMatchObject({ currency: "USD", pendingMinor: 0n, approvedMinor: 5000n - 1250n, inPayoutMinor: 0n, paidMinor: 0n, voidMinor: 5000n, count: 3 });
  });

  it("ingesting a referred event credits its commission right away (best effort hook)", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "lead_bounty", amountMinor: 4200n });
    const referral = await prisma.referral.create({
      data: { tenantId: s.ctx.tenantId, programId: s.program, partnerId: s.us, kind: "brand", subjectName: "Acme", sourceMarket: "US", targetMarket: "RU", status: "submitted", submittedAt: at("2026-03-01T00:00:00Z") },
    });
    const scope = { tenantId: s.ctx.tenantId, reportingCurrency: "USD", db: s.ctx.db };
    const { event: stored } = await ingestEvent(scope, { type: "lead", idempotency_key: "lead-1", occurred_at: at("2026-03-02T00:00:00Z"), referral_id: referral.id }, { source: "api" });
    const [row] = await rows(s.ctx.tenantId);
    expect(row).toMatchObject({ eventId: stored.id, amountMinor: 4200n, status: "pending" });
  });

  it("preview explains what an event would earn without writing anything", async () => {
    const s = await setup();
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 1250, market: "RU", capMinor: 100000n });
    await rule(s.ctx, s.program, { basis: "revenue_share", percentBps: 500, market: "US" });
    const hypothetical = await previewHypothetical(s.ctx, { programId: s.program, market: "RU", type: "revenue", amountMinor: 1000000n, currency: "USD", occurredAt: at("2026-03-01T12:00:00Z") });
    expect(hypothetical.ok && hypothetical.lines.map((l) => l.outcome)).toEqual([
      expect.objectContaining({ kind: "earns", amountMinor: 100000n, explanation: expect.objectContaining({ percentBps: 1250, cap: expect.objectContaining({ uncappedMinor: "125000" }) }) }),
    ]);
    const c = await customer(s.ctx, s.us, s.program, at("2026-03-01T00:00:00Z"));
    const e = await event(s.ctx, { type: "revenue", partnerId: s.us, programId: s.program, occurredAt: at("2026-03-02T00:00:00Z"), amountMinor: 10000n, currency: "EUR", customerId: c.id });
    const stored = await previewStoredEvent(s.ctx, e.id);
    expect(stored.ok && stored.lines.map((l) => l.outcome.kind)).toEqual(["waiting_for_fx"]);
    expect(await rows(s.ctx.tenantId)).toHaveLength(0);
  });
});
