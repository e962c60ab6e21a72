import { performance } from "node:perf_hooks";
import { describe, expect, it, vi } from "vitest";
import { approveCommissions, insertCommissions } from "@/lib/commissions/ledger";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executePayoutRun } from "@/lib/payouts/execute-run";
import { memberContext } from "../helpers/context";
import { approved, DAY, fakeStripe, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

/** Every approved-or-paid commission of the tenant sits in exactly one live payout, and the money adds up. */
async function expectEachCommissionOnce(w: World, commissionIds: string[]) {
  const items = await w.ctx.db.payoutItem.findMany({
    where: { commissionId: { in: commissionIds } },
    select: { commissionId: true, payoutMinor: true, payout: { select: { id: true, status: true, amountMinor: true } } },
  });
  const live = items.filter((i) => i.payout.status !== "cancelled");
  const perCommission = new Map<string, number>();
  for (const i of live) perCommission.set(i.commissionId, (perCommission.get(i.commissionId) ?? 0) + 1);
  expect(perCommission.size).toBe(commissionIds.length);
  expect([...perCommission.values()].every((n) => n === 1)).toBe(true);
  const rows = await w.ctx.db.commission.findMany({ where: { id: { in: commissionIds } }, select: { id: true, amountMinor: true, payoutId: true } });
  const payoutOf = new Map(live.map((i) => [i.commissionId, i.payout.id]));
  expect(rows.every((r) => r.payoutId === payoutOf.get(r.id))).toBe(true);
  const payouts = new Map(live.map((i) => [i.payout.id, i.payout.amountMinor]));
  const sumPayouts = [...payouts.values()].reduce((a, b) => a + b, 0n);
  const sumCommissions = rows.reduce((a, r) => a + r.amountMinor, 0n);
  expect(sumPayouts).toBe(sumCommissions);
}

describe("two payout runs at once", () => {
  it("puts every commission in exactly one payout", async () => {
    const w = await payoutWorld("Payout Race");
    const admin = await memberContext(w.fixture, "admin");
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const partner = await payee(w, { rail: i % 2 === 0 ? "manual" : "stripe" });
      ids.push(...(await approved(w, partner, Array.from({ length: 40 }, (_, k): [bigint, string] => [BigInt(1000 + k * 10), "USD"]))));
    }
    const results = await Promise.allSettled([
      createPayoutRun(w.ctx, { cutoffAt: new Date() }),
      createPayoutRun(admin, { cutoffAt: new Date() }),
    ]);
    const created = results.filter((r) => r.status === "fulfilled");
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "payouts.nothing_to_pay" });
    await expectEachCommissionOnce(w, ids);
    const numbers = created.map((r) => (r as PromiseFulfilledResult<{ number: number }>).value.number).sort();
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("executing twice — one after the other and at once — sends each transfer once", async () => {
    const w = await payoutWorld("Payout Execute Twice");
    const admin = await memberContext(w.fixture, "admin");
    for (let i = 0; i < 5; i++) await approved(w, await payee(w, { rail: "stripe" }), [[10000n + BigInt(i), "USD"]]);
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    await approvePayoutRun(w.ctx, run.id);
    const stripe = fakeStripe();
    const deps = { stripe: stripe.stripe, sendTransfer: stripe.sendTransfer };
    await Promise.all([executePayoutRun(w.ctx, run.id, deps), executePayoutRun(admin, run.id, deps)]);
    await executePayoutRun(w.ctx, run.id, deps);
    expect(stripe.calls).toHaveLength(5);
    expect(new Set(stripe.calls.map((c) => c.idempotencyKey)).size).toBe(5);
    const sent = await w.ctx.db.payout.count({ where: { runId: run.id, status: "sent" } });
    expect(sent).toBe(5);
  });

  it("a 10,000-commission run is created and accounted for exactly", async () => {
    const w = await payoutWorld("Payout Ten Thousand");
    const actor = { tenantId: w.fixture.tenantId, userId: w.fixture.userId };
    const partners: string[] = [];
    for (let i = 0; i < 50; i++) partners.push(await payee(w, { rail: i % 5 === 0 ? "stripe" : "manual" }));
    const due = new Date(Date.now() - DAY);
    const ids = await w.ctx.db.$transaction(async (tx) => {
      const created = await insertCommissions(tx, actor, Array.from({ length: 10_000 }, (_, i) => ({
        partnerId: partners[i % partners.length], amountMinor: i % 17 === 0 ? -500n : 2500n + BigInt(i % 100), currency: "USD",
        kind: i % 17 === 0 ? ("clawback" as const) : ("earning" as const), occurredAt: new Date(due.getTime() - 30 * DAY), dueAt: due,
      })));
      await approveCommissions(tx, actor, { id: { in: created } });
      return created;
    }, { timeout: 120_000 });
    expect(ids).toHaveLength(10_000);
    const t0 = performance.now();
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    const ms = Math.round(performance.now() - t0);
    console.log(`payouts: 10,000-commission run over 50 partners created in ${ms} ms`);
    expect(run.payouts).toBe(50);
    await expectEachCommissionOnce(w, ids);
  }, 180_000);
});
