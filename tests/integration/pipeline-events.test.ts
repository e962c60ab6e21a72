// Issue 12: the referral pipeline is a source of funnel and money events (lib/referrals/pipeline-events.ts).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { explainNothingCreated, runCommissionJob, type JobReason } from "@/lib/commissions/run-job";
import { ingestEvent } from "@/lib/conversions/ingest";
import type { CommissionBasis, Market } from "@/lib/db/generated/enums";
import { resolveTenantContext, type TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { funnelScopeForTenant, getFunnelSummary } from "@/lib/funnel/queries";
import { recordPipelineEvent } from "@/lib/referrals/pipeline-events";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const DAY = 86_400_000;
const DEAL = 45_000_000n; // 450 000,00 ₽
const closedOn = () => new Date(Math.floor(Date.now() / DAY) * DAY - DAY); // yesterday, UTC midnight
const win = { to: "won" as const, dealValueMinor: DEAL, dealCurrency: "RUB" as const };

/** A tenant reporting in RUB, a RU partner enrolled in a program, and the staff context. */
async function setup(name: string, partnerMarket: Market = "RU") {
  const { fixture } = await tenantWithOwner(name);
  await prisma.tenant.update({ where: { id: fixture.tenantId }, data: { reportingCurrency: "RUB" } });
  const ctx = (await resolveTenantContext(fixture.userId, fixture.slug))!;
  const partner = await partnerWithContext(fixture, { market: partnerMarket, locale: "ru" });
  const program = await programWith(fixture, [partner.partnerId]);
  let n = 0;
  const submitted = async () => {
    n += 1;
    const tag = randomBytes(3).toString("hex");
    const input = referralInput(program.id, { subjectName: `Brand ${tag} ${n}`, website: `b-${tag}-${n}.pipe.test`, contactValue: `c@b-${tag}-${n}.pipe.test` });
    return (await submitReferral(partner.ctx, input)).id;
  };
  const rule = (basis: CommissionBasis, spec: { percentBps?: number; amountMinor?: bigint; currency?: string; market?: Market; capMinor?: bigint }) =>
    prisma.commissionRule.create({
      data: {
        tenantId: ctx.tenantId, programId: program.id, name: `${basis} rule`, basis, percentBps: spec.percentBps ?? null,
        amountMinor: spec.amountMinor ?? null, currency: spec.currency ?? "RUB", market: spec.market ?? null, capMinor: spec.capMinor ?? null, holdDays: 30,
      },
    });
  return { fixture, ctx, partner, program, submitted, rule, system: { tenantId: ctx.tenantId, userId: null } };
}

async function move(ctx: TenantContext, id: string, ...steps: ("in_review" | "qualified" | "in_negotiation" | "won")[]) {
  for (const to of steps) await transitionReferral(ctx, id, to === "won" ? { ...win, closedOn: closedOn() } : { to });
}

function summary(ctx: TenantContext) {
  const from = new Date(Math.floor(Date.now() / DAY) * DAY - 10 * DAY);
  const to = new Date(Math.floor(Date.now() / DAY) * DAY + DAY);
  return getFunnelSummary(funnelScopeForTenant(ctx), { from, to, basis: "period" }).then((s) => s.totals);
}

const commissions = (tenantId: string) =>
  prisma.commission.findMany({ where: { tenantId }, include: { rule: { select: { basis: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const live = (rows: Awaited<ReturnType<typeof commissions>>) => rows.filter((c) => c.status !== "void");
const byBasis = (rows: Awaited<ReturnType<typeof commissions>>, basis: CommissionBasis) => live(rows).filter((c) => c.rule?.basis === basis && c.kind === "earning");
const reasonKeys = (reasons: JobReason[]) => reasons.map((r) => `${r.ruleName ?? "-"}:${r.reason}${Object.keys(r.values).length ? `:${JSON.stringify(r.values)}` : ""}`).sort();

describe("the pipeline records funnel and money events", () => {
  it("qualify → lead, win → close + revenue with the deal value; commissions under every basis; revenue share on later API revenue", async () => {
    const s = await setup("Pipeline Money");
    await s.rule("lead_bounty", { amountMinor: 100_000n });
    await s.rule("close_bounty", { amountMinor: 500_000n });
    await s.rule("deal_share", { percentBps: 1000 });
    await s.rule("revenue_share", { percentBps: 500 });
    const id = await s.submitted();

    await move(s.ctx, id, "in_review", "qualified");
    const lead = await prisma.conversionEvent.findFirstOrThrow({ where: { tenantId: s.ctx.tenantId, referralId: id } });
    expect(lead).toMatchObject({ type: "lead", source: "system", idempotencyKey: `pipeline:${id}:lead`, partnerId: s.partner.partnerId, programId: s.program.id });
    expect(byBasis(await commissions(s.ctx.tenantId), "lead_bounty").map((c) => c.amountMinor)).toEqual([100_000n]);

    await move(s.ctx, id, "in_negotiation", "won");
    const events = await prisma.conversionEvent.findMany({ where: { tenantId: s.ctx.tenantId, referralId: id }, orderBy: { type: "asc" } });
    expect(events.map((e) => [e.type, e.idempotencyKey, e.amountMinor, e.currency])).toEqual([
      ["lead", `pipeline:${id}:lead`, null, null],
      ["close", `pipeline:${id}:close`, DEAL, "RUB"],
      ["revenue", `pipeline:${id}:revenue`, DEAL, "RUB"],
    ]);
    const customer = await prisma.customer.findFirstOrThrow({ where: { referralId: id } });
    expect(events.filter((e) => e.type !== "lead").every((e) => e.customerId === customer.id)).toBe(true);
    const revenueEvent = events.find((e) => e.type === "revenue")!;
    expect([revenueEvent.reportingAmountMinor, revenueEvent.reportingCurrency]).toEqual([DEAL, "RUB"]);

    // The funnel: one qualified, one close (the referral — its events are not counted again), the deal as revenue.
    const totals = await summary(s.ctx);
    expect(totals).toMatchObject({ referrals: 1, qualified: 1, closes: 1, revenue: { minor: DEAL, currency: "RUB" }, revenueEvents: 1 });

    let rows = await commissions(s.ctx.tenantId);
    expect(byBasis(rows, "close_bounty").map((c) => c.amountMinor)).toEqual([500_000n]);
    expect(byBasis(rows, "deal_share").map((c) => [c.amountMinor, c.baseAmountMinor, c.eventId])).toEqual([[4_500_000n, DEAL, events.find((e) => e.type === "close")!.id]]);
    expect(byBasis(rows, "deal_share")[0].explanation).toMatchObject({ basis: "deal_share", eventType: "close", percentBps: 1000, amountMinor: "4500000" });
    expect(byBasis(rows, "revenue_share")).toEqual([]); // the booked deal value is paid by deal_share only

    // Revenue share keeps working on the customer's later revenue reported by the API.
    const later = await ingestEvent(
      { tenantId: s.ctx.tenantId, reportingCurrency: "RUB", db: s.ctx.db },
      { type: "revenue", idempotency_key: `inv-${id}`, occurred_at: new Date(), customer_external_id: `crm-${id}`, referral_id: id, amount_minor: 2_000_000n, currency: "RUB" },
      { source: "api" },
    );
    expect(later.event.customerId).toBe(customer.id);
    rows = await commissions(s.ctx.tenantId);
    expect(byBasis(rows, "revenue_share").map((c) => [c.amountMinor, c.eventId])).toEqual([[100_000n, later.event.id]]);
    expect((await summary(s.ctx)).revenue.minor).toBe(DEAL + 2_000_000n);

    // Idempotent: the job again, and the events again, add nothing.
    const again = await runCommissionJob(s.ctx.db, s.system, { approveDue: false });
    expect(again.created).toBe(0);
    await s.ctx.db.$transaction(async (tx) => {
      const referral = await tx.referral.findFirstOrThrow({ where: { id } });
      expect(await recordPipelineEvent(tx, s.system, referral, { type: "close", occurredAt: new Date(), customerId: customer.id, money: null })).toBeNull();
    });
    expect(await prisma.conversionEvent.count({ where: { tenantId: s.ctx.tenantId, referralId: id } })).toBe(4);
    expect((await commissions(s.ctx.tenantId)).length).toBe(4);
  });

  it("re-opening a won referral reverses close and revenue (void or clawback, audited); winning again earns again once", async () => {
    const s = await setup("Pipeline Reopen");
    await s.rule("close_bounty", { amountMinor: 500_000n });
    await s.rule("deal_share", { percentBps: 1000 });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified", "in_negotiation", "won");
    let rows = await commissions(s.ctx.tenantId);
    expect(live(rows)).toHaveLength(2);
    // The close bounty was already paid out: it cannot be voided, so it is clawed back.
    const paid = byBasis(rows, "close_bounty")[0];
    await prisma.commission.update({ where: { id: paid.id }, data: { status: "paid", paidAt: new Date() } });

    await transitionReferral(s.ctx, id, { to: "in_negotiation" });
    expect(await prisma.conversionEvent.count({ where: { tenantId: s.ctx.tenantId, idempotencyKey: { in: [`pipeline:${id}:close`, `pipeline:${id}:revenue`] } } })).toBe(0);
    expect(await prisma.conversionEvent.count({ where: { tenantId: s.ctx.tenantId, idempotencyKey: `pipeline:${id}:lead` } })).toBe(1);
    expect(await summary(s.ctx)).toMatchObject({ qualified: 1, closes: 0, revenue: { minor: 0n }, revenueEvents: 0 });
    rows = await commissions(s.ctx.tenantId);
    const share = rows.find((c) => c.rule?.basis === "deal_share")!;
    expect([share.status, share.voidedAt !== null]).toEqual(["void", true]);
    const clawback = rows.find((c) => c.kind === "clawback")!;
    expect(clawback).toMatchObject({ reversesId: paid.id, amountMinor: -500_000n, status: "pending", eventId: null, partnerId: s.partner.partnerId });
    expect(clawback.explanation).toEqual({ kind: "pipeline_reversal", why: "reopened" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.ctx.tenantId, action: "referral.pipeline_events_reversed", entityId: id } });
    expect(audit.data).toMatchObject({ why: "reopened", voidedCommissions: [share.id], clawbackCommissions: [clawback.id] });
    expect((audit.data as { events: { type: string }[] }).events.map((e) => e.type).sort()).toEqual(["close", "revenue"]);
    // The rollup still equals a rebuild from the raw tables.
    const before = await summary(s.ctx);
    await prisma.$executeRaw`SELECT funnel_daily_rebuild(${s.ctx.tenantId})`;
    expect(await summary(s.ctx)).toEqual(before);

    // Won again: new events, and the partner earns again — once (the earlier rows are void / clawed back).
    await move(s.ctx, id, "won");
    rows = await commissions(s.ctx.tenantId);
    expect(byBasis(rows, "deal_share").map((c) => c.amountMinor)).toEqual([4_500_000n]);
    expect(byBasis(rows, "close_bounty").filter((c) => c.status === "pending").map((c) => c.amountMinor)).toEqual([500_000n]);
    const net = live(rows).filter((c) => c.rule?.basis === "close_bounty").reduce((sum, c) => sum + c.amountMinor, 0n);
    expect(net).toBe(500_000n); // paid 5 000 ₽, clawed back 5 000 ₽, earned 5 000 ₽ again
    expect((await runCommissionJob(s.ctx.db, s.system, { approveDue: false })).created).toBe(0);
    expect(await summary(s.ctx)).toMatchObject({ closes: 1, revenue: { minor: DEAL } });
  });

  it("losing a qualified referral voids its lead bounty and removes its lead event", async () => {
    const s = await setup("Pipeline Lost");
    await s.rule("lead_bounty", { amountMinor: 100_000n });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified");
    expect(live(await commissions(s.ctx.tenantId))).toHaveLength(1);
    await transitionReferral(s.ctx, id, { to: "lost", note: "Budget frozen" });
    expect(live(await commissions(s.ctx.tenantId))).toHaveLength(0);
    expect(await prisma.conversionEvent.count({ where: { tenantId: s.ctx.tenantId, referralId: id } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.ctx.tenantId, action: "referral.pipeline_events_reversed", entityId: id } });
    expect(audit.data).toMatchObject({ why: "lost" });
    // The qualification itself stays in the funnel (qualifiedAt is history); the lead event never was counted.
    expect(await summary(s.ctx)).toMatchObject({ qualified: 1, closes: 0 });
  });
});

describe("no double counting between the API and the pipeline", () => {
  const api = (ctx: TenantContext) => ({ tenantId: ctx.tenantId, reportingCurrency: ctx.reportingCurrency, db: ctx.db });

  it("an API close/lead for a referral the pipeline already won is stored but neither counted nor paid again", async () => {
    const s = await setup("Double Count A");
    await s.rule("lead_bounty", { amountMinor: 100_000n });
    await s.rule("close_bounty", { amountMinor: 500_000n });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified", "in_negotiation", "won");
    const now = new Date();
    const close = await ingestEvent(api(s.ctx), { type: "close", idempotency_key: `crm-close-${id}`, occurred_at: now, customer_external_id: `crm-${id}`, referral_id: id }, { source: "api" });
    const lead = await ingestEvent(api(s.ctx), { type: "lead", idempotency_key: `crm-lead-${id}`, occurred_at: now, referral_id: id }, { source: "api" });
    expect(close.duplicate || lead.duplicate).toBe(false);
    expect(await summary(s.ctx)).toMatchObject({ qualified: 1, closes: 1 });
    const rows = live(await commissions(s.ctx.tenantId));
    expect(rows.map((c) => c.rule?.basis).sort()).toEqual(["close_bounty", "lead_bounty"]);
    expect(rows.every((c) => c.eventId !== close.event.id && c.eventId !== lead.event.id)).toBe(true);
    const reasons = await explainNothingCreated(s.ctx.db, s.ctx.tenantId, [close.event.id]);
    expect(reasonKeys(reasons)).toContain("close_bounty rule:already_paid_for_referral");
  });

  it("an API close before the win earns the close bounty; the pipeline's close then earns only the deal share", async () => {
    const s = await setup("Double Count B");
    await s.rule("close_bounty", { amountMinor: 500_000n });
    await s.rule("deal_share", { percentBps: 1000 });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified", "in_negotiation");
    const close = await ingestEvent(api(s.ctx), { type: "close", idempotency_key: `crm-close-${id}`, occurred_at: closedOn(), customer_external_id: `crm-${id}`, referral_id: id }, { source: "api" });
    await move(s.ctx, id, "won");
    const rows = await commissions(s.ctx.tenantId);
    expect(byBasis(rows, "close_bounty").map((c) => c.eventId)).toEqual([close.event.id]);
    expect(byBasis(rows, "deal_share").map((c) => c.amountMinor)).toEqual([4_500_000n]);
    expect(await summary(s.ctx)).toMatchObject({ closes: 1, revenue: { minor: DEAL } });
    expect(await prisma.customer.count({ where: { tenantId: s.ctx.tenantId } })).toBe(1);
  });
});

describe("why the job created nothing", () => {
  it("names the reason for each rule: market, exchange rate, cap, basis", async () => {
    const s = await setup("Why Nothing");
    await s.rule("close_bounty", { amountMinor: 500_000n, market: "US" });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified", "in_negotiation", "won");
    const eventIds = (await prisma.conversionEvent.findMany({ where: { tenantId: s.ctx.tenantId, referralId: id }, select: { id: true } })).map((e) => e.id);
    const result = await runCommissionJob(s.ctx.db, s.system, { eventIds, approveDue: false });
    expect([result.created, result.skipped]).toEqual([0, 0]);
    expect(reasonKeys(result.reasons)).toEqual(['-:no_rule_for_market:{"market":"RU"}']);
    expect(result.reasons[0].count).toBe(3); // lead, close, revenue

    await s.rule("deal_share", { percentBps: 1000, currency: "USD" });
    await s.rule("lead_bounty", { amountMinor: 100_000n, capMinor: 100_000n });
    await s.rule("revenue_share", { percentBps: 500 });
    const full = await runCommissionJob(s.ctx.db, s.system, { approveDue: false });
    expect(full.created).toBe(1); // the lead bounty
    const closeEvent = eventIds.length && (await prisma.conversionEvent.findFirstOrThrow({ where: { idempotencyKey: `pipeline:${id}:close`, tenantId: s.ctx.tenantId } }));
    const day = closedOn().toISOString().slice(0, 10);
    const after = await runCommissionJob(s.ctx.db, s.system, { approveDue: false });
    expect(after.created).toBe(0);
    expect(reasonKeys(after.reasons)).toEqual([
      `close_bounty rule:other_market:${JSON.stringify({ market: "RU", ruleMarket: "US" })}`,
      `deal_share rule:waiting_for_fx:${JSON.stringify({ pair: "RUB/USD", day })}`,
      "revenue_share rule:pipeline_revenue",
    ]);
    expect(closeEvent && closeEvent.id).toBeTruthy();
  });

  it("a rule that pays on another kind of event: «not for this event»", async () => {
    const s = await setup("Why Not For Event");
    await s.rule("revenue_share", { percentBps: 500 });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified");
    const lead = await prisma.conversionEvent.findFirstOrThrow({ where: { tenantId: s.ctx.tenantId, idempotencyKey: `pipeline:${id}:lead` } });
    const result = await runCommissionJob(s.ctx.db, s.system, { eventIds: [lead.id], approveDue: false });
    expect(reasonKeys(result.reasons)).toEqual(["revenue_share rule:not_for_event"]);
  });

  it("the cap reason", async () => {
    const s = await setup("Why Cap");
    await s.rule("revenue_share", { percentBps: 1000, capMinor: 1_000n });
    const id = await s.submitted();
    await move(s.ctx, id, "in_review", "qualified", "in_negotiation", "won");
    const api = { tenantId: s.ctx.tenantId, reportingCurrency: "RUB", db: s.ctx.db };
    await ingestEvent(api, { type: "revenue", idempotency_key: `a-${id}`, occurred_at: new Date(), customer_external_id: `x-${id}`, referral_id: id, amount_minor: 50_000n, currency: "RUB" }, { source: "api" });
    const second = await ingestEvent(api, { type: "revenue", idempotency_key: `b-${id}`, occurred_at: new Date(), customer_external_id: `x-${id}`, referral_id: id, amount_minor: 50_000n, currency: "RUB" }, { source: "api" });
    const result = await runCommissionJob(s.ctx.db, s.system, { eventIds: [second.event.id], approveDue: false });
    expect(result.created).toBe(0);
    expect(reasonKeys(result.reasons)).toEqual(["revenue_share rule:cap_reached"]);
  });
});

describe("tenant isolation", () => {
  it("another tenant neither sees nor explains nor reverses this tenant's pipeline events", async () => {
    const a = await setup("Isolation A");
    const b = await setup("Isolation B");
    await a.rule("close_bounty", { amountMinor: 500_000n });
    const id = await a.submitted();
    await move(a.ctx, id, "in_review", "qualified", "in_negotiation", "won");
    const ids = (await prisma.conversionEvent.findMany({ where: { tenantId: a.ctx.tenantId, referralId: id }, select: { id: true } })).map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect(await b.ctx.db.conversionEvent.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await explainNothingCreated(b.ctx.db, b.ctx.tenantId, ids)).toEqual([]);
    expect((await runCommissionJob(b.ctx.db, b.system, { eventIds: ids, approveDue: false })).created).toBe(0);
    await expect(transitionReferral(b.ctx, id, { to: "in_negotiation" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await summary(b.ctx)).toMatchObject({ closes: 0, revenue: { minor: 0n } });
    expect(await prisma.conversionEvent.count({ where: { id: { in: ids } } })).toBe(3);
    expect(live(await commissions(a.ctx.tenantId))).toHaveLength(1);
  });
});
