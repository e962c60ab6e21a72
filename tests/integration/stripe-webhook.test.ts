// The Stripe webhook with payloads signed by the SDK's own test-header helper: valid, invalid,
// replayed and out-of-order events, connected-account updates, and events for unknown payouts.
import Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { handleStripeWebhook } from "@/lib/payouts/stripe-webhook";
import { POST } from "@/app/api/webhooks/stripe/route";
import { createTenantFixture, prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { stripeEvent } from "../helpers/stripe-standin";
import { commissionsFor, payoutFor } from "./stripe-fixtures";

vi.mock("server-only", () => ({}));

const SECRET = "whsec_webhook_test_secret";

type Payout = Awaited<ReturnType<typeof payoutFor>>["payout"];

function transferObject(payout: Payout, over: Record<string, unknown> = {}) {
  return {
    id: payout.externalId ?? `tr_${payout.id}`, object: "transfer", amount: Number(payout.amountMinor), amount_reversed: 0,
    currency: payout.currency.toLowerCase(), destination: "acct_test", created: 1_795_000_000, reversed: false,
    description: payout.reference, transfer_group: payout.runId, livemode: false,
    metadata: { payout_id: payout.id, tenant_id: payout.tenantId, reference: payout.reference }, ...over,
  };
}

function signed(event: Record<string, unknown>, secret = SECRET) {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

async function deliver(event: Record<string, unknown>) {
  const { payload, signature } = signed(event);
  return handleStripeWebhook(payload, signature, { secret: SECRET });
}

const statusOf = async (id: string) => (await prisma.payout.findUniqueOrThrow({ where: { id } })).status;
const commissions = (ids: string[]) => prisma.commission.findMany({ where: { id: { in: ids } }, orderBy: { amountMinor: "asc" } });

let fixture: TenantFixture;
let partnerId: string;

beforeAll(async () => {
  fixture = await createTenantFixture("Webhook Agency");
  ({ partnerId } = await partnerWithContext(fixture));
});

async function sentPayout(amounts = [3000n, 7000n], options: Parameters<typeof payoutFor>[3] = {}) {
  const ids = await commissionsFor(fixture.tenantId, partnerId, amounts);
  const { payout } = await payoutFor(fixture.tenantId, partnerId, ids, { externalId: `tr_${Math.random().toString(36).slice(2)}`, ...options });
  return { ids, payout };
}

describe("stripe webhook", () => {
  it("a valid transfer.created marks the payout and its commissions paid", async () => {
    const { ids, payout } = await sentPayout();
    const result = await deliver(stripeEvent("transfer.created", transferObject(payout)));
    expect(result).toEqual({ status: 200, body: { received: true, changed: true } });
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "paid", paidAt: new Date(1_795_000_000_000) });
    expect((await commissions(ids)).map((c) => [c.status, c.payoutId])).toEqual([["paid", payout.id], ["paid", payout.id]]);
    expect(await prisma.stripeEvent.count({ where: { type: "transfer.created" } })).toBeGreaterThan(0);
  });

  it("an invalid signature is 400, says nothing more, and changes nothing", async () => {
    const { ids, payout } = await sentPayout();
    const event = stripeEvent("transfer.created", transferObject(payout));
    const wrongSecret = signed(event, "whsec_someone_else");
    expect(await handleStripeWebhook(wrongSecret.payload, wrongSecret.signature, { secret: SECRET })).toEqual({ status: 400, body: { error: "invalid_signature" } });
    // A valid signature over another body does not cover a tampered one.
    const good = signed(event);
    const tampered = good.payload.replace(String(payout.amountMinor), "1");
    expect((await handleStripeWebhook(tampered, good.signature, { secret: SECRET })).status).toBe(400);
    expect((await handleStripeWebhook(good.payload, null, { secret: SECRET })).status).toBe(400);
    expect((await handleStripeWebhook(good.payload, "garbage", { secret: SECRET })).status).toBe(400);
    expect(await statusOf(payout.id)).toBe("sent");
    expect((await commissions(ids)).every((c) => c.status === "approved")).toBe(true);
    expect(await prisma.stripeEvent.findUnique({ where: { id: String(event.id) } })).toBeNull();
  });

  it("a signed but malformed event (no data.object, NUL in an id or metadata) is 400, not 500", async () => {
    const { payout } = await sentPayout();
    const good = stripeEvent("transfer.created", transferObject(payout));
    expect(await deliver({ ...good, data: {} })).toEqual({ status: 400, body: { error: "invalid_event" } });
    expect(await deliver({ ...good, id: "evt_\u0000x" })).toEqual({ status: 400, body: { error: "invalid_event" } });
    const object = transferObject(payout) as Record<string, unknown>;
    const metadata = { ...(object.metadata as Record<string, string>), payout_id: "po\u0000" };
    expect(await deliver(stripeEvent("transfer.created", { ...object, metadata }))).toEqual({ status: 400, body: { error: "invalid_event" } });
    expect(await deliver(stripeEvent("account.updated", { object: "account" }))).toEqual({ status: 400, body: { error: "invalid_event" } });
    expect(await statusOf(payout.id)).toBe("sent");
  });

  it("without a webhook secret the endpoint answers 503 and does nothing", async () => {
    const { payout } = await sentPayout();
    const { payload, signature } = signed(stripeEvent("transfer.created", transferObject(payout)));
    expect(await handleStripeWebhook(payload, signature, { secret: null })).toEqual({ status: 503, body: { error: "stripe_webhook_not_configured" } });
    expect(await statusOf(payout.id)).toBe("sent");
  });

  it("a replayed event has no second effect", async () => {
    const { ids, payout } = await sentPayout();
    const created = stripeEvent("transfer.created", transferObject(payout));
    expect((await deliver(created)).body).toMatchObject({ changed: true });
    const reversed = stripeEvent("transfer.reversed", transferObject(payout, { reversed: true, amount_reversed: Number(payout.amountMinor) }));
    expect((await deliver(reversed)).body).toMatchObject({ changed: true });
    expect(await statusOf(payout.id)).toBe("failed");
    // Replaying the original transfer.created (and the reversal) must not pay or reverse again.
    expect(await deliver(created)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await deliver(reversed)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await statusOf(payout.id)).toBe("failed");
    const transitions = await prisma.commissionTransition.groupBy({ by: ["action"], where: { commissionId: { in: ids } }, _count: true });
    expect(Object.fromEntries(transitions.map((t) => [t.action, t._count]))).toEqual({ created: 2, approved: 2, claimed: 2, paid: 2, payment_reversed: 2 });
  });

  it("the same event delivered twice at once is applied once", async () => {
    const { ids, payout } = await sentPayout();
    const event = stripeEvent("transfer.created", transferObject(payout));
    const results = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(results.filter((r) => r.body.changed === true)).toHaveLength(1);
    expect(results.filter((r) => r.body.duplicate === true)).toHaveLength(2);
    expect(await prisma.commissionTransition.count({ where: { commissionId: { in: ids }, action: "paid" } })).toBe(2);
  });

  it("out of order: transfer.reversed before transfer.created leaves the payout failed and the commissions approved", async () => {
    const { ids, payout } = await sentPayout();
    const transfer = transferObject(payout);
    const reversed = stripeEvent("transfer.reversed", { ...transfer, reversed: true, amount_reversed: transfer.amount });
    const created = stripeEvent("transfer.created", transfer);
    expect((await deliver(reversed)).body).toMatchObject({ changed: true });
    expect((await deliver(created)).body).toMatchObject({ changed: false });
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "failed", failureReason: "transfer_reversed", paidAt: null });
    expect((await commissions(ids)).map((c) => [c.status, c.payoutId])).toEqual([["approved", null], ["approved", null]]);
  });

  it("a partial reversal is left for staff: the paid payout stays paid", async () => {
    const { payout } = await sentPayout();
    const transfer = transferObject(payout);
    await deliver(stripeEvent("transfer.created", transfer));
    const partial = await deliver(stripeEvent("transfer.reversed", { ...transfer, amount_reversed: 100 }));
    expect(partial.body).toMatchObject({ ignored: "partial_reversal" });
    expect(await statusOf(payout.id)).toBe("paid");
  });

  it("accepts any of several comma-separated secrets (platform and Connect endpoints)", async () => {
    const { payout } = await sentPayout();
    const { payload, signature } = signed(stripeEvent("transfer.created", transferObject(payout)), "whsec_connect_endpoint");
    expect((await handleStripeWebhook(payload, signature, { secret: SECRET })).status).toBe(400);
    expect(await handleStripeWebhook(payload, signature, { secret: `${SECRET}, whsec_connect_endpoint` })).toEqual({ status: 200, body: { received: true, changed: true } });
  });

  it("account.updated updates the partner's payout method", async () => {
    const { partnerId: other } = await partnerWithContext(fixture);
    await prisma.payoutMethod.create({ data: { tenantId: fixture.tenantId, partnerId: other, rail: "stripe", currency: "USD", stripeAccountId: "acct_webhook_1" } });
    const account = { id: "acct_webhook_1", object: "account", type: "express", details_submitted: true, payouts_enabled: false, charges_enabled: false };
    expect((await deliver(stripeEvent("account.updated", account))).body).toMatchObject({ changed: true });
    expect(await prisma.payoutMethod.findUniqueOrThrow({ where: { partnerId: other } })).toMatchObject({ stripeDetailsSubmitted: true, stripePayoutsEnabled: false });
    await deliver(stripeEvent("account.updated", { ...account, payouts_enabled: true }));
    expect(await prisma.payoutMethod.findUniqueOrThrow({ where: { partnerId: other } })).toMatchObject({ stripeDetailsSubmitted: true, stripePayoutsEnabled: true });
  });

  it("unknown payouts, foreign tenants, mismatched transfers and unknown types are 200 and ignored", async () => {
    const { payout } = await sentPayout();
    const transfer = transferObject(payout);
    const other = await createTenantFixture("Webhook Other");
    const cases: [Record<string, unknown>, string][] = [
      [stripeEvent("transfer.created", { ...transfer, metadata: { payout_id: "nope", tenant_id: fixture.tenantId } }), "unknown_payout"],
      [stripeEvent("transfer.created", { ...transfer, metadata: { ...transfer.metadata, tenant_id: other.tenantId } }), "unknown_payout"],
      [stripeEvent("transfer.created", { ...transfer, metadata: {} }), "not_a_payout"],
      [stripeEvent("transfer.created", { ...transfer, id: "tr_someone_else" }), "transfer_mismatch"],
      [stripeEvent("transfer.created", { ...transfer, amount: transfer.amount + 1 }), "transfer_mismatch"],
      [stripeEvent("account.updated", { id: "acct_unknown", object: "account", details_submitted: true, payouts_enabled: true }), "unknown_account"],
      [stripeEvent("charge.succeeded", { id: "ch_1", object: "charge" }), "event_type"],
    ];
    for (const [event, reason] of cases) {
      expect(await deliver(event)).toEqual({ status: 200, body: { received: true, ignored: reason } });
    }
    expect(await statusOf(payout.id)).toBe("sent");
  });

  it("a payout sent on another rail is not settled by a Stripe event", async () => {
    const { payout } = await sentPayout([1000n], { rail: "registry", currency: "USD" });
    expect((await deliver(stripeEvent("transfer.created", transferObject(payout)))).body).toMatchObject({ ignored: "unknown_payout" });
    expect(await statusOf(payout.id)).toBe("sent");
  });
});

describe("POST /api/webhooks/stripe", () => {
  const post = (body: string, signature?: string) =>
    POST(new Request("http://app.test/api/webhooks/stripe", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} }));

  it("reads STRIPE_WEBHOOK_SECRET: 503 without it, 400 for a bad signature, 200 and applied for a good one", async () => {
    const { payout } = await sentPayout();
    const { payload, signature } = signed(stripeEvent("transfer.created", transferObject(payout)));
    const saved = process.env.STRIPE_WEBHOOK_SECRET;
    try {
      delete process.env.STRIPE_WEBHOOK_SECRET;
      expect((await post(payload, signature)).status).toBe(503);
      process.env.STRIPE_WEBHOOK_SECRET = SECRET;
      const bad = await post(payload, "t=1,v1=00");
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: "invalid_signature" });
      expect(await statusOf(payout.id)).toBe("sent");
      const good = await post(payload, signature);
      expect(good.status).toBe(200);
      expect(await good.json()).toEqual({ received: true, changed: true });
      expect(await statusOf(payout.id)).toBe("paid");
    } finally {
      if (saved === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
      else process.env.STRIPE_WEBHOOK_SECRET = saved;
    }
  });
});
