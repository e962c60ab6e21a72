// Property-based tests of the money ledger (invariants: tests/helpers/ledger-invariants.ts): random sequences of earnings (with replayed events),
// clawbacks, approvals, voids, payout runs (some racing each other), payments, failures and replayed
// webhook-style settlements, against real PostgreSQL. After every sequence:
//   - per partner and currency, the sum paid never exceeds the sum ever approved, and paid payouts
//     add up to exactly the commissions marked paid;
//   - no commission is in more than one paid payout, and a paid commission is in exactly one;
//   - every ledger change is audited: each commission's transitions form one chain from creation to
//     its current status.
// Volume: PROPERTY_RUNS sequences (default 100) × up to PROPERTY_STEPS steps (default 40).
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import { approveCommissions, claimForPayout, insertCommissions, voidCommissions } from "@/lib/commissions/ledger";
import { tenantDb } from "@/lib/db/tenant-client";
import { cancelPayout, markPayoutSent, settlePayoutFailed, settlePayoutPaid } from "@/lib/payouts/settle";
import { createTenantFixture, prisma } from "../helpers/db";
import { expectLedgerInvariants } from "../helpers/ledger-invariants";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 40);

type Step =
  | { t: "earn"; p: number; cur: number; amount: number; event: number }
  | { t: "clawback"; p: number; cur: number; amount: number }
  | { t: "approve"; p: number }
  | { t: "void"; p: number }
  | { t: "run"; p: number; cur: number; racing: boolean }
  | { t: "send"; payout: number }
  | { t: "paid"; payout: number; replays: number }
  | { t: "fail"; payout: number }
  | { t: "cancel"; payout: number };

const currencies = ["USD", "RUB"] as const;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("earn" as const), p: fc.nat(1), cur: fc.nat(1), amount: fc.integer({ min: 1, max: 50_000 }), event: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("clawback" as const), p: fc.nat(1), cur: fc.nat(1), amount: fc.integer({ min: 1, max: 20_000 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("approve" as const), p: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("void" as const), p: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("run" as const), p: fc.nat(1), cur: fc.nat(1), racing: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("send" as const), payout: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("paid" as const), payout: fc.nat(20), replays: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("fail" as const), payout: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("cancel" as const), payout: fc.nat(20) }) },
);

async function world() {
  const fixture = await createTenantFixture("Ledger props");
  const db = tenantDb(fixture.tenantId);
  const actor = { tenantId: fixture.tenantId, userId: fixture.userId };
  const partners = await Promise.all(
    [0, 1].map((i) => prisma.partner.create({ data: { tenantId: fixture.tenantId, name: `P${i}`, email: `p${i}-${randomBytes(3).toString("hex")}@t.test`, market: i ? "RU" : "US", status: "active" } })),
  );
  const program = await prisma.program.create({ data: { tenantId: fixture.tenantId, name: "Props", markets: ["US", "RU"] } });
  const rule = await prisma.commissionRule.create({
    data: { tenantId: fixture.tenantId, programId: program.id, name: "Flat", basis: "close_bounty", amountMinor: 100n, currency: "USD", holdDays: 0 },
  });
  return { fixture, db, actor, partners: partners.map((p) => p.id), ruleId: rule.id, payouts: [] as string[], runNo: 0 };
}
type World = Awaited<ReturnType<typeof world>>;

/** A payout run for one partner and currency: claims every approved, unclaimed row (clawbacks included). */
async function run(w: World, partnerId: string, currency: string) {
  return w.db.$transaction(async (tx) => {
    const number = ++w.runNo + Math.floor(Math.random() * 1e6) * 1000;
    const runRow = await tx.payoutRun.create({ data: { tenantId: w.fixture.tenantId, number, status: "approved", cutoffAt: new Date() } });
    const candidates = await tx.commission.findMany({ where: { partnerId, currency, status: "approved", payoutId: null }, select: { id: true } });
    const ref = `TW-P-${randomBytes(5).toString("hex").toUpperCase()}`;
    const payout = await tx.payout.create({
      data: { tenantId: w.fixture.tenantId, runId: runRow.id, partnerId, rail: "manual", currency, amountMinor: 0n, reference: ref, idempotencyKey: ref },
    });
    const claimed = await claimForPayout(tx, w.actor, candidates.map((c) => c.id), payout.id);
    const net = claimed.reduce((sum, c) => sum + c.amountMinor, 0n);
    await tx.payoutItem.createMany({
      data: claimed.map((c) => ({ tenantId: w.fixture.tenantId, payoutId: payout.id, commissionId: c.id, amountMinor: c.amountMinor, currency, payoutMinor: c.amountMinor })),
    });
    await tx.payout.update({ where: { id: payout.id }, data: { amountMinor: net } });
    if (net <= 0n) await cancelPayout(tx, w.actor, payout.id, "below_minimum");
    return payout.id;
  });
}

async function apply(w: World, s: Step) {
  const pick = (i: number) => w.payouts[i % Math.max(1, w.payouts.length)];
  switch (s.t) {
    case "earn": {
      // The same event number twice is a replay of the same event: the unique key must absorb it.
      const eventId = `ev-${s.p}-${s.cur}-${s.event}`;
      await w.db.$transaction((tx) =>
        insertCommissions(tx, w.actor, [{
          partnerId: w.partners[s.p], ruleId: w.ruleId, eventId, amountMinor: BigInt(s.amount), currency: currencies[s.cur],
          occurredAt: new Date(), dueAt: new Date(),
        }]),
      );
      return;
    }
    case "clawback":
      await w.db.$transaction((tx) =>
        insertCommissions(tx, w.actor, [{
          partnerId: w.partners[s.p], ruleId: w.ruleId, eventId: `refund-${randomBytes(4).toString("hex")}`, kind: "clawback",
          amountMinor: -BigInt(s.amount), currency: currencies[s.cur], occurredAt: new Date(), dueAt: new Date(),
        }]),
      );
      return;
    case "approve":
      await w.db.$transaction((tx) => approveCommissions(tx, w.actor, { partnerId: w.partners[s.p] }));
      return;
    case "void": {
      const one = await w.db.commission.findFirst({ where: { partnerId: w.partners[s.p], status: { in: ["pending", "approved"] } } });
      if (one) await w.db.$transaction((tx) => voidCommissions(tx, w.actor, { id: one.id }, "test"));
      return;
    }
    case "run": {
      const partnerId = w.partners[s.p];
      const currency = currencies[s.cur];
      const ids = s.racing ? await Promise.all([run(w, partnerId, currency), run(w, partnerId, currency)]) : [await run(w, partnerId, currency)];
      w.payouts.push(...ids);
      return;
    }
    case "send": {
      const id = pick(s.payout);
      if (id) await w.db.$transaction((tx) => markPayoutSent(tx, id, { externalId: `tr_${id}` }));
      return;
    }
    case "paid": {
      const id = pick(s.payout);
      // A webhook delivered `replays` times, concurrently.
      if (id) await Promise.all(Array.from({ length: s.replays }, () => w.db.$transaction((tx) => settlePayoutPaid(tx, w.actor, id))));
      return;
    }
    case "fail": {
      const id = pick(s.payout);
      if (id) await w.db.$transaction((tx) => settlePayoutFailed(tx, w.actor, id, "test"));
      return;
    }
    case "cancel": {
      const id = pick(s.payout);
      if (id) await w.db.$transaction((tx) => cancelPayout(tx, w.actor, id, "test"));
    }
  }
}

describe("ledger properties", () => {
  it(`holds over ${RUNS} random sequences of up to ${STEPS} steps`, async () => {
    const started = Date.now();
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: STEPS, size: "max" }), async (sequence) => {
        const w = await world();
        for (const s of sequence) {
          await apply(w, s);
          steps += 1;
        }
        await expectLedgerInvariants(w.db, w.partners, currencies);
      }),
      { numRuns: RUNS },
    );
    console.info(`ledger properties: ${RUNS} sequences, ${steps} steps, ${Date.now() - started} ms`);
  }, 600_000);
});
