// A payout on the Stripe rail is one Connect transfer from the platform balance to the partner's
// Express account. The Idempotency-Key is the payout's own (Payout.idempotencyKey), so a retried
// run or a crashed worker that sends again gets the same transfer back instead of paying twice.
import type Stripe from "stripe";

export type StripeTransferInput = {
  amountMinor: bigint;
  currency: string;
  destination: string;
  idempotencyKey: string;
  reference: string;
  payoutId: string;
  tenantId: string;
  runId: string;
};

/** Creates the transfer (or returns the one this idempotency key already created). Throws Stripe's error on failure. */
export async function sendStripeTransfer(stripe: Stripe, input: StripeTransferInput): Promise<{ transferId: string }> {
  const amount = Number(input.amountMinor);
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`transfer amount out of range: ${input.amountMinor}`);
  const transfer = await stripe.transfers.create(
    {
      amount,
      currency: input.currency.toLowerCase(),
      destination: input.destination,
      transfer_group: input.runId,
      description: input.reference,
      // The webhook finds the payout by these (and checks the tenant), never by the description.
      metadata: { payout_id: input.payoutId, tenant_id: input.tenantId, reference: input.reference },
    },
    { idempotencyKey: input.idempotencyKey },
  );
  return { transferId: transfer.id };
}

/**
 * The transfer Stripe already has for a payout, or null: the run's transfers (transfer_group = run id)
 * searched for metadata.payout_id. Asked before any resend of a payout a crashed pass left
 * `processing` — the idempotency key alone protects for about 24 h only.
 */
export async function findStripeTransfer(stripe: Stripe, input: { runId: string; payoutId: string }): Promise<{ transferId: string } | null> {
  for await (const transfer of stripe.transfers.list({ transfer_group: input.runId, limit: 100 })) {
    if (transfer.metadata?.payout_id === input.payoutId) return { transferId: transfer.id };
  }
  return null;
}
