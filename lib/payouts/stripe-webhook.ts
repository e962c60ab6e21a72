// Stripe webhook: verify the signature (the SDK's own code), then apply the event once. Each event id
// is recorded in StripeEvent inside the same transaction that applies it, so replays change nothing
// and a crash part-way leaves the event to Stripe's retry. Payout changes go through the conditional
// settle functions, so out-of-order events cannot resurrect a failed payout. It lives in lib/payouts
// (it settles payouts); lib/stripe holds only the Stripe API side (client, transfers, onboarding).
import Stripe from "stripe";
import { z } from "zod";
import { systemContext } from "@/lib/auth/contexts/system";
import { webhookSecret } from "@/lib/stripe/client";
import { refreshRunCompletion } from "./run-status";
import { settlePayoutFailed, settlePayoutPaid } from "./settle";
import { findMethodByStripeAccount, findPayoutForStripe, recordStripeEvent, recordStripeEventGlobally } from "./stripe-lookup";
import { log } from "@/lib/ops/log";

/** The webhook acts for no person: it finds the owning tenant, then works in that tenant's scope. */
const inTenant = (tenantId: string) => systemContext("stripe-webhook").forTenant(tenantId);

export type WebhookResult = { status: number; body: Record<string, unknown> };

const ok = (extra: Record<string, unknown> = {}): WebhookResult => ({ status: 200, body: { received: true, ...extra } });
const duplicate = ok({ duplicate: true });

async function ignore(event: Stripe.Event, reason: string): Promise<WebhookResult> {
  const fresh = await recordStripeEventGlobally(event.id, event.type);
  return fresh ? ok({ ignored: reason }) : duplicate;
}

async function applyTransfer(event: Stripe.Event, transfer: Stripe.Transfer): Promise<WebhookResult> {
  const payoutId = transfer.metadata?.payout_id;
  const tenantId = transfer.metadata?.tenant_id;
  if (!payoutId || !tenantId) return ignore(event, "not_a_payout");
  const payout = await findPayoutForStripe(payoutId);
  // A payout of another tenant, or one this transfer was not sent for, is treated as unknown.
  if (!payout || payout.tenantId !== tenantId || payout.rail !== "stripe") return ignore(event, "unknown_payout");
  if (payout.externalId && payout.externalId !== transfer.id) return ignore(event, "transfer_mismatch");
  if (transfer.currency.toUpperCase() !== payout.currency || BigInt(transfer.amount) !== payout.amountMinor) {
    log().error({ transferId: transfer.id, payoutId: payout.id }, "stripe webhook: transfer does not match payout (amount or currency)");
    return ignore(event, "transfer_mismatch");
  }
  const reversal = event.type === "transfer.reversed" || transfer.reversed;
  if (reversal && transfer.amount_reversed < transfer.amount) {
    // A partial reversal: the partner kept part of the money. Returning every commission to the pool
    // would pay that part twice, so staff settle it by hand.
    log().error({ transferId: transfer.id, payoutId: payout.id }, "stripe webhook: partial reversal of a transfer needs staff review");
    return ignore(event, "partial_reversal");
  }
  const actor = { tenantId, userId: null };
  const changed = await inTenant(tenantId).$transaction(async (tx) => {
    if (!(await recordStripeEvent(tx, event.id, event.type))) return null;
    const moved = reversal
      ? await settlePayoutFailed(tx, actor, payout.id, "transfer_reversed")
      : await settlePayoutPaid(tx, actor, payout.id, { externalId: transfer.id, paidAt: new Date(transfer.created * 1000) });
    if (moved) await refreshRunCompletion(tx, payout.runId);
    return moved;
  });
  return changed === null ? duplicate : ok({ changed });
}

async function applyAccount(event: Stripe.Event, account: Stripe.Account): Promise<WebhookResult> {
  const method = await findMethodByStripeAccount(account.id);
  if (!method) return ignore(event, "unknown_account");
  const changed = await inTenant(method.tenantId).$transaction(async (tx) => {
    if (!(await recordStripeEvent(tx, event.id, event.type))) return null;
    const { count } = await tx.payoutMethod.updateMany({
      where: { id: method.id, stripeAccountId: account.id },
      data: { stripeDetailsSubmitted: account.details_submitted, stripePayoutsEnabled: account.payouts_enabled },
    });
    return count === 1;
  });
  return changed === null ? duplicate : ok({ changed });
}

// Signed is not the same as well-formed: the fields we read are checked before anything touches
// the database (a signed event without data.object, or with a NUL in an id, is a 400, not a 500).
const plain = z.string().min(1).max(255).regex(/^[^\u0000-\u001f\u007f]*$/);
const eventShape = z.object({ id: plain, type: plain, data: z.object({ object: z.record(z.string(), z.unknown()) }) });
const transferShape = z.object({
  id: plain,
  amount: z.number().int().nonnegative(),
  amount_reversed: z.number().int().nonnegative().optional().default(0),
  reversed: z.boolean().optional(),
  currency: z.string().regex(/^[a-z]{3}$/i),
  created: z.number().int().nonnegative(),
  metadata: z.record(z.string(), plain.or(z.literal(""))).optional(),
});
const accountShape = z.object({ id: plain, details_submitted: z.boolean().optional(), payouts_enabled: z.boolean().optional() });
const malformed: WebhookResult = { status: 400, body: { error: "invalid_event" } };

/**
 * Handles one webhook delivery. 503 without STRIPE_WEBHOOK_SECRET (Stripe retries until it is set),
 * 400 for a missing or bad signature (nothing else said), 200 for anything verified — including
 * replays, unknown payouts and event types we do not use.
 */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  deps: { secret?: string | null } = {},
): Promise<WebhookResult> {
  const secret = deps.secret === undefined ? webhookSecret() : deps.secret;
  if (!secret) return { status: 503, body: { error: "stripe_webhook_not_configured" } };
  if (!signature) return { status: 400, body: { error: "invalid_signature" } };
  // Stripe signs platform events (transfers) and Connect events (connected accounts' account.updated)
  // with the secrets of two different endpoints; both may be configured, comma-separated.
  let event: Stripe.Event | null = null;
  for (const candidate of secret.split(",").map((s) => s.trim()).filter(Boolean)) {
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, candidate);
      break;
    } catch {
      // try the next secret
    }
  }
  if (!event) return { status: 400, body: { error: "invalid_signature" } };
  if (!eventShape.safeParse(event).success) return malformed;
  switch (event.type) {
    case "transfer.created":
    case "transfer.updated":
    case "transfer.reversed":
      if (!transferShape.safeParse(event.data.object).success) return malformed;
      return applyTransfer(event, event.data.object);
    case "account.updated":
      if (!accountShape.safeParse(event.data.object).success) return malformed;
      return applyAccount(event, event.data.object);
    default:
      return ok({ ignored: "event_type" });
  }
}
