// The real `stripe` SDK against the local stand-in (127.0.0.1, random port): onboarding, account
// links, transfers with idempotency keys, Stripe's errors, and the stand-in's signed webhooks
// reaching the app's webhook handler.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getStripe } from "@/lib/stripe/client";
import { refreshStripeAccount, startStripeOnboarding } from "@/lib/stripe/onboarding";
import { sendStripeTransfer } from "@/lib/stripe/transfers";
import { handleStripeWebhook } from "@/lib/payouts/stripe-webhook";
import { DomainError } from "@/lib/kernel/errors";
import { createTenantFixture, prisma } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { startStripeStandin, type StripeStandin } from "../helpers/stripe-standin";
import { commissionsFor, payoutFor } from "./stripe-fixtures";

vi.mock("server-only", () => ({}));

const SECRET = "whsec_sdk_test_secret";
const urls = { returnUrl: "http://app.test/en/p/x/account?stripe=return", refreshUrl: "http://app.test/en/p/x/account?stripe=refresh" };

let standin: StripeStandin;
let stripe: Stripe;
let hook: Server;

beforeAll(async () => {
  // A tiny HTTP endpoint in front of the real webhook handler, as the Next route is in production.
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await handleStripeWebhook(Buffer.concat(chunks).toString("utf8"), (req.headers["stripe-signature"] as string) ?? null, { secret: SECRET });
    res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
  standin = await startStripeStandin({ webhookUrl, webhookSecret: SECRET });
  stripe = getStripe({ STRIPE_SECRET_KEY: "sk_test_standin", STRIPE_API_BASE: standin.url } as unknown as NodeJS.ProcessEnv)!;
});

afterAll(async () => {
  await standin?.close();
  await new Promise((resolve) => hook?.close(resolve));
});

async function openLink(url: string) {
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") };
}

describe("Stripe Connect onboarding through the real SDK", () => {
  it("without a Stripe key says Stripe is not configured", async () => {
    const fixture = await createTenantFixture("Stripe Off");
    const { ctx } = await partnerWithContext(fixture);
    expect(getStripe({} as NodeJS.ProcessEnv)).toBeNull();
    await expect(startStripeOnboarding(ctx, urls, null)).rejects.toMatchObject({ code: "stripe.not_configured" });
    await expect(startStripeOnboarding(ctx, urls, null)).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.payoutMethod.count({ where: { tenantId: fixture.tenantId } })).toBe(0);
  });

  it("two concurrent starts create one Express account, bound once, and give onboarding links", async () => {
    const fixture = await createTenantFixture("Stripe Onboard");
    const { ctx, partnerId, email } = await partnerWithContext(fixture);
    const before = standin.state.accounts.size;
    const [first, second] = await Promise.all([startStripeOnboarding(ctx, urls, stripe), startStripeOnboarding(ctx, urls, stripe)]);
    expect(first.accountId).toBe(second.accountId);
    expect(standin.state.accounts.size).toBe(before + 1);
    const account = standin.state.accounts.get(first.accountId)!;
    expect(account).toMatchObject({ type: "express", country: "US", email, metadata: { tenant_id: fixture.tenantId, partner_id: partnerId } });
    // Whether the second start reaches Stripe depends on timing (the first may have bound the account
    // already); every create that does carries the partner's idempotency key, so Stripe makes one account.
    const creates = standin.state.requests.filter((r) => r.method === "POST" && r.path === "/v1/accounts" && r.idempotencyKey === `acct_create_${partnerId}`);
    expect(creates.length).toBeGreaterThanOrEqual(1);
    expect(creates.length).toBeLessThanOrEqual(2);

    const method = await prisma.payoutMethod.findUniqueOrThrow({ where: { partnerId } });
    expect(method).toMatchObject({ rail: "stripe", currency: "USD", stripeAccountId: first.accountId, stripePayoutsEnabled: false });
    expect(first.url).toMatch(new RegExp(`^${standin.url}/setup/[0-9a-f]+$`));
    expect(first.url).not.toBe(second.url);
    expect(await refreshStripeAccount(ctx, stripe)).toBe("started");

    // Opening the link "onboards" and returns to the app; account.updated reaches the webhook.
    expect(await openLink(first.url)).toEqual({ status: 302, location: urls.returnUrl });
    await standin.state.idle();
    expect(standin.state.deliveries.at(-1)).toMatchObject({ type: "account.updated", status: 200 });
    expect(await prisma.payoutMethod.findUniqueOrThrow({ where: { partnerId } })).toMatchObject({ stripeDetailsSubmitted: true, stripePayoutsEnabled: true });
    expect(await refreshStripeAccount(ctx, stripe)).toBe("payouts_enabled");
    // A used link goes to refresh_url, as Stripe's single-use links do.
    expect(await openLink(first.url)).toEqual({ status: 302, location: urls.refreshUrl });

    // Starting again later reuses the bound account.
    const again = await startStripeOnboarding(ctx, urls, stripe);
    expect(again.accountId).toBe(first.accountId);
    expect(standin.state.accounts.size).toBe(before + 1);
  });

  it("a partner on another rail switches to Stripe and keeps one method row", async () => {
    const fixture = await createTenantFixture("Stripe Switch");
    const { ctx, partnerId } = await partnerWithContext(fixture, { market: "RU" });
    await prisma.payoutMethod.create({ data: { tenantId: fixture.tenantId, partnerId, rail: "manual", currency: "RUB", details: "cash" } });
    const { accountId } = await startStripeOnboarding(ctx, urls, stripe);
    const methods = await prisma.payoutMethod.findMany({ where: { partnerId } });
    expect(methods).toHaveLength(1);
    expect(methods[0]).toMatchObject({ rail: "stripe", currency: "USD", stripeAccountId: accountId });
  });
});

describe("transfers through the real SDK", () => {
  let destination: string;
  let tenantId: string;
  let partnerId: string;

  beforeAll(async () => {
    const fixture = await createTenantFixture("Stripe Transfers");
    tenantId = fixture.tenantId;
    const partner = await partnerWithContext(fixture);
    partnerId = partner.partnerId;
    ({ accountId: destination } = await startStripeOnboarding(partner.ctx, urls, stripe));
    await standin.state.onboard(destination);
    await standin.state.idle();
  });

  const input = (over: Partial<Parameters<typeof sendStripeTransfer>[1]> = {}) => ({
    amountMinor: 12345n, currency: "USD", destination, idempotencyKey: `payout_${Math.random().toString(36).slice(2)}`,
    reference: "TW-REF-1", payoutId: "payout-x", tenantId: "tenant-x", runId: "run-x", ...over,
  });

  it("the same idempotency key twice makes one transfer", async () => {
    const before = standin.state.transfers.size;
    const args = input();
    const first = await sendStripeTransfer(stripe, args);
    const second = await sendStripeTransfer(stripe, args);
    expect(second.transferId).toBe(first.transferId);
    expect(standin.state.transfers.size).toBe(before + 1);
    expect(standin.state.transfers.get(first.transferId)).toMatchObject({
      amount: 12345, currency: "usd", destination, transfer_group: "run-x", description: "TW-REF-1",
      metadata: { payout_id: "payout-x", tenant_id: "tenant-x", reference: "TW-REF-1" },
    });
    const other = await sendStripeTransfer(stripe, input());
    expect(other.transferId).not.toBe(first.transferId);
    expect((await stripe.transfers.retrieve(first.transferId)).amount).toBe(12345);
  });

  it("accounts seeded into the stand-in (demo partners) can receive transfers", async () => {
    const seeded = await startStripeStandin({ seedAccounts: ["acct_demo_seeded"] });
    try {
      const client = getStripe({ STRIPE_SECRET_KEY: "sk_test_seeded", STRIPE_API_BASE: seeded.url } as unknown as NodeJS.ProcessEnv)!;
      expect(await client.accounts.retrieve("acct_demo_seeded")).toMatchObject({ payouts_enabled: true, details_submitted: true });
      const { transferId } = await sendStripeTransfer(client, input({ destination: "acct_demo_seeded" }));
      expect(seeded.state.transfers.get(transferId)?.destination).toBe("acct_demo_seeded");
    } finally {
      await seeded.close();
    }
  });

  it("Stripe's errors surface as thrown SDK errors", async () => {
    const before = standin.state.transfers.size;
    await expect(sendStripeTransfer(stripe, input({ destination: "" }))).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "destination" });
    await expect(sendStripeTransfer(stripe, input({ destination: "acct_nope" }))).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const { ctx } = await partnerWithContext(await createTenantFixture("Stripe Not Onboarded"));
    const { accountId } = await startStripeOnboarding(ctx, urls, stripe);
    await expect(sendStripeTransfer(stripe, input({ destination: accountId }))).rejects.toThrow(/capabilities/);
    await expect(sendStripeTransfer(stripe, input({ currency: "RUB" }))).rejects.toThrow(/insufficient funds/);
    await expect(sendStripeTransfer(stripe, input({ amountMinor: 2n ** 60n }))).rejects.toThrow(/out of range/);
    expect(standin.state.transfers.size).toBe(before);
  });

  it("a transfer's signed transfer.created event settles its payout through the webhook; a reversal fails it", async () => {
    const ids = await commissionsFor(tenantId, partnerId, [5000n, 2500n]);
    const { run, payout } = await payoutFor(tenantId, partnerId, ids, { status: "processing" });
    const { transferId } = await sendStripeTransfer(stripe, {
      amountMinor: payout.amountMinor, currency: payout.currency, destination, idempotencyKey: payout.idempotencyKey,
      reference: payout.reference, payoutId: payout.id, tenantId, runId: run.id,
    });
    await standin.state.idle();
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "paid", externalId: transferId });
    expect((await prisma.commission.findMany({ where: { id: { in: ids } } })).map((c) => c.status)).toEqual(["paid", "paid"]);

    await stripe.transfers.createReversal(transferId);
    await standin.state.idle();
    expect(standin.state.deliveries.at(-1)).toMatchObject({ type: "transfer.reversed", status: 200 });
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "failed", failureReason: "transfer_reversed" });
    const after = await prisma.commission.findMany({ where: { id: { in: ids } } });
    expect(after.every((c) => c.status === "approved" && c.payoutId === null)).toBe(true);
  });
});
