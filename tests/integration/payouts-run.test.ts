import { beforeAll, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/kernel/errors";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, cancelPayoutRun, executePayoutRun } from "@/lib/payouts/execute-run";
import { markPayoutFailedManually, markPayoutPaidManually } from "@/lib/payouts/manual";
import { refreshRunCompletion } from "@/lib/payouts/run-status";
import { updatePayoutMinimums } from "@/lib/payouts/minimums";
import { planPayoutRun } from "@/lib/payouts/plan";
import { memberContext } from "../helpers/context";
import { prisma } from "../helpers/db";
import { approved, fakeStripe, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

const today = () => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));

describe("planning and creating a run", () => {
  let w: World;
  const p: Record<string, string> = {};
  const c: Record<string, string[]> = {};

  beforeAll(async () => {
    w = await payoutWorld("Payout Runs");
    p.us = await payee(w, { name: "Alice Stripe", rail: "stripe" });
    p.small = await payee(w, { name: "Bob Small", rail: "manual" });
    p.negative = await payee(w, { name: "Carol Negative", rail: "manual" });
    p.ru = await payee(w, { name: "Дмитрий Реестр", rail: "registry" });
    p.noRate = await payee(w, { name: "Евгения Евро", rail: "registry" });
    p.unscreened = await payee(w, { name: "Henry Held", rail: "manual", taxForm: null, screening: null });
    p.future = await payee(w, { name: "Ivy Future", rail: "manual" });
    c.us = await approved(w, p.us, [[10000n, "USD"], [5000n, "USD"], [-2000n, "USD"]]);
    c.small = await approved(w, p.small, [[3000n, "USD"]]);
    c.negative = await approved(w, p.negative, [[6000n, "USD"], [-9000n, "USD"]]);
    c.ru = await approved(w, p.ru, [[200000n, "RUB"], [10000n, "USD"]]);
    c.noRate = await approved(w, p.noRate, [[150000n, "RUB"], [5000n, "EUR"]]);
    c.held = await approved(w, p.unscreened, [[7000n, "USD"]]);
    c.future = await approved(w, p.future, [[9000n, "USD"]], new Date(Date.now() + 10 * 86_400_000));
    // A commission still pending is never paid.
    await prisma.commission.create({
      data: { tenantId: w.fixture.tenantId, partnerId: p.us, amountMinor: 99999n, currency: "USD", occurredAt: new Date(), dueAt: new Date(0) },
    });
    await prisma.fxRate.create({ data: { tenantId: w.fixture.tenantId, day: today(), base: "USD", quote: "RUB", rate: "80.5", source: "cbr" } });
  });

  it("previews groups per partner and currency, netting clawbacks, with skips and hold reasons", async () => {
    const plan = await planPayoutRun(w.ctx.db, { cutoffAt: new Date() });
    const group = (id: string) => plan.groups.find((g) => g.partnerId === id);
    expect(group(p.us)).toMatchObject({ rail: "stripe", currency: "USD", netMinor: 13000n, holdReasons: [] });
    expect(group(p.us)!.items).toHaveLength(3);
    // RUB payout: 2,000 RUB + 100 USD × 80.5 = 10,050 RUB.
    expect(group(p.ru)).toMatchObject({ rail: "registry", currency: "RUB", netMinor: 1005000n });
    expect(group(p.ru)!.fx).toEqual([{ from: "USD", to: "RUB", rate: "80.5", rateDay: today(), source: "cbr" }]);
    expect(group(p.unscreened)!.holdReasons).toEqual(["sanctions_unscreened", "tax_profile_missing"]);
    expect(group(p.small)).toBeUndefined();
    expect(group(p.future)).toBeUndefined();
    const skipped = (id: string) => plan.skipped.filter((s) => s.partnerId === id).map((s) => [s.reason, s.fromCurrency, s.amountMinor]);
    expect(skipped(p.small)).toEqual([["below_minimum", "USD", 3000n]]);
    expect(skipped(p.negative)).toEqual([["below_minimum", "USD", -3000n]]);
    // EUR has no rate into RUB: those commissions wait; the RUB ones are paid.
    expect(skipped(p.noRate)).toEqual([["missing_rate", "EUR", 5000n]]);
    expect(group(p.noRate)).toMatchObject({ netMinor: 150000n });
    expect(plan.totals).toEqual([
      { currency: "RUB", netMinor: 1155000n, payouts: 2, held: 0 },
      { currency: "USD", netMinor: 20000n, payouts: 2, held: 1 },
    ]);
  });

  it("creates the run: payouts with items and rate snapshots, held by the gate, skipped rows left unclaimed", async () => {
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    expect(run).toMatchObject({ number: 1, payouts: 4, held: 1 });
    const payouts = await w.ctx.db.payout.findMany({ where: { runId: run.id }, include: { items: true } });
    const of = (id: string) => payouts.find((x) => x.partnerId === id)!;
    expect(of(p.us)).toMatchObject({ status: "ready", amountMinor: 13000n, currency: "USD", rail: "stripe" });
    expect(of(p.us).reference).toMatch(/^TW-1-[A-Z0-9]+$/);
    expect(of(p.us).reference.length).toBeLessThanOrEqual(20);
    expect(of(p.us).idempotencyKey).toBe(`payout_${of(p.us).id}`);
    expect(of(p.unscreened)).toMatchObject({ status: "held", holdReason: "sanctions_unscreened,tax_profile_missing" });
    const usdItem = of(p.ru).items.find((i) => i.currency === "USD")!;
    expect(usdItem).toMatchObject({ amountMinor: 10000n, payoutMinor: 805000n, fxSource: "cbr" });
    expect(usdItem.fxRate?.toFixed()).toBe("80.5");
    expect(usdItem.fxRateDay).toEqual(today());
    expect(of(p.ru).payee).toMatchObject({ name: "Дмитрий Реестр", inn: "500100732259", bic: "044525225" });

    const rows = await w.ctx.db.commission.findMany({ where: { partnerId: { in: Object.values(p) }, status: "approved" } });
    const claimed = (ids: string[]) => rows.filter((r) => ids.includes(r.id)).map((r) => r.payoutId !== null);
    expect(claimed(c.us)).toEqual([true, true, true]);
    expect(claimed(c.small)).toEqual([false]);
    expect(claimed(c.negative)).toEqual([false, false]);
    expect(claimed(c.future)).toEqual([false]);
    expect(rows.find((r) => r.currency === "EUR")!.payoutId).toBeNull();
    const total = await w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(total).toMatchObject({ status: "draft", totalPayouts: 4 });
  });

  it("a second run finds nothing left to pay", async () => {
    await expect(createPayoutRun(w.ctx, { cutoffAt: new Date() })).rejects.toMatchObject({ code: "payouts.nothing_to_pay" });
  });

  it("a lower minimum lets the small balance go in the next run", async () => {
    await updatePayoutMinimums(w.ctx, new Map([["USD", 1000n], ["RUB", 100000n]]));
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    expect(run).toMatchObject({ number: 2, payouts: 1 });
    const payout = await w.ctx.db.payout.findFirstOrThrow({ where: { runId: run.id } });
    expect(payout).toMatchObject({ partnerId: p.small, amountMinor: 3000n });
  });

  it("only payouts:manage may create a run", async () => {
    const manager = await memberContext(w.fixture, "manager");
    await expect(createPayoutRun(manager, { cutoffAt: new Date() })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("cancel, execute and manual settlement move the ledger", () => {
  let w: World;
  const p: Record<string, string> = {};
  const c: Record<string, string[]> = {};

  beforeAll(async () => {
    w = await payoutWorld("Payout Settle");
    p.paid = await payee(w, { name: "Manual Paid", rail: "manual" });
    p.failed = await payee(w, { name: "Manual Failed", rail: "manual" });
    p.stripe = await payee(w, { name: "Stripe Sam", rail: "stripe" });
    c.paid = await approved(w, p.paid, [[12000n, "USD"], [-1000n, "USD"]]);
    c.failed = await approved(w, p.failed, [[8000n, "USD"]]);
    c.stripe = await approved(w, p.stripe, [[20000n, "USD"]]);
  });

  it("cancelling a draft run gives every commission back", async () => {
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await cancelPayoutRun(w.ctx, run.id);
    const payouts = await w.ctx.db.payout.findMany({ where: { runId: run.id } });
    expect(payouts.map((x) => x.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    const rows = await w.ctx.db.commission.findMany({ where: { id: { in: [...c.paid, ...c.failed, ...c.stripe] } } });
    expect(rows.every((r) => r.status === "approved" && r.payoutId === null)).toBe(true);
    const releases = await w.ctx.db.commissionTransition.count({ where: { action: "released", payoutId: { in: payouts.map((x) => x.id) } } });
    expect(releases).toBe(4);
    await expect(cancelPayoutRun(w.ctx, run.id)).rejects.toMatchObject({ code: "payouts.run_not_cancellable" });
  });

  it("executes: Stripe payouts are sent, manual ones wait; mark paid and mark failed settle them", async () => {
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await expect(executePayoutRun(w.ctx, run.id)).rejects.toBeInstanceOf(DomainError);
    await approvePayoutRun(w.ctx, run.id);
    const stripe = fakeStripe();
    const summary = await executePayoutRun(w.ctx, run.id, { stripe: stripe.stripe, sendTransfer: stripe.sendTransfer });
    expect(summary).toMatchObject({ sent: 1, failed: 0, waiting: 2 });
    expect(stripe.calls).toHaveLength(1);
    expect(stripe.calls[0]).toMatchObject({ amountMinor: 20000n, currency: "USD", runId: run.id, tenantId: w.fixture.tenantId });
    const payouts = await w.ctx.db.payout.findMany({ where: { runId: run.id } });
    const of = (id: string) => payouts.find((x) => x.partnerId === id)!;
    expect(of(p.stripe)).toMatchObject({ status: "sent", externalId: expect.stringMatching(/^tr_/) });
    expect(await w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "executing", processed: 3, totalPayouts: 3 });

    await expect(markPayoutPaidManually(w.ctx, of(p.paid).id, "  ")).rejects.toMatchObject({ code: "payouts.external_id_required" });
    await markPayoutPaidManually(w.ctx, of(p.paid).id, "WISE-123");
    await markPayoutFailedManually(w.ctx, of(p.failed).id, "Account closed");
    const after = await w.ctx.db.payout.findMany({ where: { runId: run.id } });
    expect(after.find((x) => x.partnerId === p.paid)).toMatchObject({ status: "paid", externalId: "WISE-123", amountMinor: 11000n });
    expect(after.find((x) => x.partnerId === p.failed)).toMatchObject({ status: "failed", failureReason: "Account closed" });
    const rows = await w.ctx.db.commission.findMany({ where: { id: { in: [...c.paid, ...c.failed] } } });
    expect(rows.filter((r) => c.paid.includes(r.id)).every((r) => r.status === "paid" && r.paidAt)).toBe(true);
    expect(rows.filter((r) => c.failed.includes(r.id)).every((r) => r.status === "approved" && r.payoutId === null)).toBe(true);
    // Paying again is refused, and the Stripe payout still being in flight keeps the run executing.
    await expect(markPayoutPaidManually(w.ctx, of(p.paid).id, "WISE-124")).rejects.toMatchObject({ code: "payouts.payout_not_open" });
    expect((await w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("executing");
  });

  it("without Stripe configured the Stripe payouts stay ready and nothing crashes", async () => {
    await approved(w, p.stripe, [[6000n, "USD"]]);
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await approvePayoutRun(w.ctx, run.id);
    const summary = await executePayoutRun(w.ctx, run.id, { stripe: null });
    const stripePayout = await w.ctx.db.payout.findFirstOrThrow({ where: { runId: run.id, partnerId: p.stripe } });
    expect(stripePayout.status).toBe("ready");
    expect(summary.stripeNotConfigured).toBe(1);

    // A network error: the transfer may exist, so the payout stays processing (commissions claimed)
    // and only a later pass retries it, with the same idempotency key.
    const network = Object.assign(new Error("socket hang up"), { type: "StripeConnectionError" });
    const flaky = fakeStripe({ fail: () => network });
    const again = await executePayoutRun(w.ctx, run.id, { stripe: flaky.stripe, sendTransfer: flaky.sendTransfer });
    expect(again.retryLater).toBe(1);
    expect(await w.ctx.db.payout.findFirstOrThrow({ where: { id: stripePayout.id } })).toMatchObject({ status: "processing" });
    await executePayoutRun(w.ctx, run.id, { stripe: flaky.stripe, sendTransfer: flaky.sendTransfer });
    expect(flaky.calls).toHaveLength(1);
    const claimed = await w.ctx.db.commission.count({ where: { payoutId: stripePayout.id, status: "approved" } });
    expect(claimed).toBe(1);
  });

  it("a refused transfer fails the payout and returns its commissions", async () => {
    const id = await payee(w, { name: "Refused", rail: "stripe" });
    const ids = await approved(w, id, [[7000n, "USD"]]);
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await approvePayoutRun(w.ctx, run.id);
    const refusal = Object.assign(new Error("No such destination"), { type: "StripeInvalidRequestError" });
    const stripe = fakeStripe({ fail: () => refusal });
    const summary = await executePayoutRun(w.ctx, run.id, { stripe: stripe.stripe, sendTransfer: stripe.sendTransfer });
    expect(summary).toMatchObject({ failed: 1 });
    const payout = await w.ctx.db.payout.findFirstOrThrow({ where: { runId: run.id, partnerId: id } });
    expect(payout).toMatchObject({ status: "failed", failureReason: "stripe: No such destination" });
    const row = await w.ctx.db.commission.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(row).toMatchObject({ status: "approved", payoutId: null });
  });
});

describe("run completion", () => {
  let w: World;
  beforeAll(async () => {
    w = await payoutWorld("Payout Completion");
  });

  it("a run completed by whoever settles its last payout shows every payout processed (a webhook can beat the pass's progress)", async () => {
    const stripePartner = await payee(w, { name: "Stripe Sue", rail: "stripe" });
    await approved(w, stripePartner, [[4000n, "USD"], [2500n, "USD"]]);
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await approvePayoutRun(w.ctx, run.id);
    await executePayoutRun(w.ctx, run.id, { stripe: null });
    // The pass died before recording its chunk, and every payout got settled elsewhere (webhooks, staff).
    await prisma.payoutRun.update({ where: { id: run.id }, data: { processed: 0 } });
    await prisma.payout.updateMany({ where: { runId: run.id }, data: { status: "paid" } });
    expect(await refreshRunCompletion(w.ctx.db, run.id)).toBe("completed");
    const after = await w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: "completed", processed: after.totalPayouts });
    expect(after.totalPayouts).toBeGreaterThan(0);
  });
});
