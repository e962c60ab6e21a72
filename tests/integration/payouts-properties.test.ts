// Property-based test of the whole money path with the product's own functions, against real
// PostgreSQL: random sequences of conversion events (revenue and refunds, in either currency) turned
// into commissions by the real job (sometimes twice at once), staff approvals, payout runs (sometimes
// two at once), execution with Stripe transfers, Stripe webhooks signed with the SDK's test-header
// helper and delivered several times at once (transfer.created / transfer.reversed, in any order),
// RUB registries marked sent and bank statements imported (each twice). After every sequence:
//   - per partner and currency, the sum paid never exceeds the sum ever approved;
//   - paid payouts add up exactly to the commissions marked paid, and no commission is in two paid payouts;
//   - every ledger change is audited (each commission's transitions form one chain to its status).
// Volume: PAYOUT_PROPERTY_RUNS sequences (default 40) × up to PAYOUT_PROPERTY_STEPS steps (default 50).
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { approveSelected } from "@/lib/commissions/staff-ledger";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executePayoutRun, markRegistrySent } from "@/lib/payouts/execute-run";
import { importStatement } from "@/lib/payouts/reconcile";
import { handleStripeWebhook } from "@/lib/payouts/stripe-webhook";
import { stripeEvent } from "../helpers/stripe-standin";
import { prisma } from "../helpers/db";
import { expectLedgerInvariants } from "../helpers/ledger-invariants";
import { fakeStripe, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

const RUNS = Number(process.env.PAYOUT_PROPERTY_RUNS ?? 40);
const STEPS = Number(process.env.PAYOUT_PROPERTY_STEPS ?? 50);
const SECRET = "whsec_property_secret";
const DAY = 86_400_000;

type Step =
  | { t: "event"; p: number; refund: boolean; cur: number; amount: number; jobTwice: boolean }
  | { t: "approve"; p: number }
  | { t: "run"; racing: boolean }
  | { t: "execute"; run: number }
  | { t: "webhook"; payout: number; reversed: boolean; replays: number }
  | { t: "statement"; run: number; short: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("event" as const), p: fc.nat(1), refund: fc.boolean().map((b) => b && Math.random() < 0.4), cur: fc.nat(1), amount: fc.integer({ min: 100, max: 5_000_000 }), jobTwice: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("approve" as const), p: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("run" as const), racing: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("execute" as const), run: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("webhook" as const), payout: fc.nat(2), reversed: fc.boolean().map((b) => b && Math.random() < 0.5), replays: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("statement" as const), run: fc.nat(3), short: fc.boolean().map((b) => b && Math.random() < 0.3) }) },
);

type Setup = { w: World; partners: string[]; customers: string[]; programId: string; runs: string[]; stripe: ReturnType<typeof fakeStripe>; events: number };

async function setup(): Promise<Setup> {
  const w = await payoutWorld("Payout props");
  const t = w.fixture.tenantId;
  await prisma.tenant.update({ where: { id: t }, data: { payoutMinimums: {} } });
  const us = await payee(w, { market: "US", rail: "stripe" });
  const ru = await payee(w, { market: "RU", rail: "registry" });
  const program = await prisma.program.create({ data: { tenantId: t, name: "Props", markets: ["US", "RU"] } });
  await prisma.commissionRule.createMany({
    data: [
      { tenantId: t, programId: program.id, market: "US", name: "US 10%", basis: "revenue_share", percentBps: 1000, currency: "USD", holdDays: 3 },
      { tenantId: t, programId: program.id, market: "RU", name: "RU 12%", basis: "revenue_share", percentBps: 1200, currency: "RUB", holdDays: 3 },
    ],
  });
  for (let d = 0; d < 5; d++) {
    await prisma.fxRate.create({ data: { tenantId: t, day: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - d * DAY), base: "USD", quote: "RUB", rate: "81.2500", source: "test" } });
  }
  const customers = [];
  for (const [i, partnerId] of [us, ru].entries()) {
    const c = await prisma.customer.create({ data: { tenantId: t, externalId: `cust-${i}`, source: "referral", partnerId, programId: program.id, firstSeenAt: new Date(Date.now() - 10 * DAY) } });
    customers.push(c.id);
  }
  return { w, partners: [us, ru], customers, programId: program.id, runs: [], stripe: fakeStripe(), events: 0 };
}

async function deliver(event: Record<string, unknown>) {
  const payload = JSON.stringify(event);
  return handleStripeWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }), { secret: SECRET });
}

async function apply(s: Setup, st: Step) {
  const { ctx } = s.w;
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const ignoreDomain = (e: unknown) => {
    if (!(e instanceof Error) || !("code" in e)) throw e;
  };
  switch (st.t) {
    case "event": {
      const currency = ["USD", "RUB"][st.cur];
      await prisma.conversionEvent.create({
        data: {
          tenantId: ctx.tenantId, type: st.refund ? "refund" : "revenue", source: "api", idempotencyKey: `ev-${++s.events}-${randomBytes(3).toString("hex")}`,
          payloadHash: "p", occurredAt: new Date(Date.now() - 60_000), amountMinor: BigInt(st.amount), currency,
          customerId: s.customers[st.p], partnerId: s.partners[st.p], programId: s.programId, sourceMarket: st.p ? "RU" : "US", targetMarket: st.p ? "US" : "RU",
        },
      });
      const job = () => runCommissionJob(ctx.db, actor, { approveDue: false });
      if (st.jobTwice) await Promise.all([job(), job()]);
      else await job();
      return;
    }
    case "approve": {
      const pending = await ctx.db.commission.findMany({ where: { partnerId: s.partners[st.p], status: "pending" }, select: { id: true } });
      if (pending.length) await approveSelected(ctx, pending.map((c) => c.id));
      return;
    }
    case "run": {
      const create = () => createPayoutRun(ctx, { cutoffAt: new Date() }).then((r) => s.runs.push(r.id), ignoreDomain);
      await (st.racing ? Promise.all([create(), create()]) : create());
      return;
    }
    case "execute": {
      const runId = s.runs[s.runs.length - 1 - (st.run % Math.max(1, s.runs.length))];
      if (!runId) return;
      const run = await ctx.db.payoutRun.findFirstOrThrow({ where: { id: runId } });
      if (run.status === "draft") await approvePayoutRun(ctx, runId);
      await executePayoutRun(ctx, runId, { stripe: s.stripe.stripe, sendTransfer: s.stripe.sendTransfer }).catch(ignoreDomain);
      return;
    }
    case "webhook": {
      const sent = await ctx.db.payout.findMany({ where: { rail: "stripe", externalId: { not: null } }, orderBy: { createdAt: "desc" } });
      const p = sent[st.payout % Math.max(1, sent.length)];
      if (!p) return;
      const transfer = {
        id: p.externalId, object: "transfer", amount: Number(p.amountMinor), amount_reversed: st.reversed ? Number(p.amountMinor) : 0,
        currency: p.currency.toLowerCase(), destination: "acct_x", created: Math.floor(Date.now() / 1000), reversed: st.reversed,
        metadata: { payout_id: p.id, tenant_id: p.tenantId, reference: p.reference },
      };
      const event = stripeEvent(st.reversed ? "transfer.reversed" : "transfer.created", transfer);
      // The same event delivered several times at once: Stripe retries, proxies duplicate.
      const results = await Promise.all(Array.from({ length: st.replays }, () => deliver(event)));
      for (const r of results) expect(r.status).toBe(200);
      return;
    }
    case "statement": {
      const runId = s.runs[s.runs.length - 1 - (st.run % Math.max(1, s.runs.length))];
      if (!runId) return;
      const run = await ctx.db.payoutRun.findFirstOrThrow({ where: { id: runId } });
      if (run.status === "draft" || run.status === "cancelled") return;
      await markRegistrySent(ctx, runId).catch(ignoreDomain);
      const sent = await ctx.db.payout.findMany({ where: { runId, rail: "registry", status: { in: ["sent", "partial"] } } });
      if (!sent.length) return;
      const amount = (minor: bigint) => (Number(st.short ? minor / 2n : minor) / 100).toFixed(2);
      const csv = ["Дата;Сумма;Валюта;Получатель;Назначение платежа", ...sent.map((p) => `27.11.2026;${amount(p.amountMinor)};RUB;Партнёр;Выплата вознаграждения по договору, ref ${p.reference}`)].join("\n");
      // Imported twice: a statement uploaded again must pay nothing twice.
      for (let i = 0; i < 2; i++) await importStatement(ctx, { runId, fileName: "statement.csv", csvText: csv });
    }
  }
}

describe("payout properties (real job, runs, Stripe webhooks, statements)", () => {
  it(`hold over ${RUNS} random sequences of up to ${STEPS} steps`, async () => {
    const started = Date.now();
    let steps = 0;
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: STEPS, size: "max" }), async (sequence) => {
        const s = await setup();
        for (const st of sequence) {
          await apply(s, st);
          steps += 1;
          kinds.set(st.t, (kinds.get(st.t) ?? 0) + 1);
        }
        await expectLedgerInvariants(s.w.ctx.db, s.partners, ["USD", "RUB"]);
      }),
      { numRuns: RUNS },
    );
    const byStatus = await prisma.payout.groupBy({ by: ["status"], where: { tenant: { name: "Payout props" } }, _count: true });
    const paid = byStatus.map((g) => `${g.status} ${g._count}`).join(", ");
    console.info(`payout properties: ${RUNS} sequences, ${steps} steps (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}), payouts: ${paid}, ${Date.now() - started} ms`);
  }, 900_000);
});
