// Be extremely careful: tenant-less lookups for the Stripe webhook, which arrives without a session
// or tenant. Each answers only what the webhook needs to find the owning tenant; the change itself
// then goes through the SystemContext's forTenant(tenantId), under row-level security.
import { systemContext } from "@/lib/auth/contexts/system";
import type { OwnerDb } from "@/lib/db/owner";

const system = () => systemContext("stripe-webhook");

export type StripePayoutRef = {
  runId: string;
  id: string; tenantId: string; rail: string; status: string; amountMinor: bigint; currency: string; externalId: string | null;
};

/** The payout a transfer's metadata names, or null. */
export function findPayoutForStripe(payoutId: string): Promise<StripePayoutRef | null> {
  return system().db.payout.findUnique({
    where: { id: payoutId },
    select: { id: true, tenantId: true, runId: true, rail: true, status: true, amountMinor: true, currency: true, externalId: true },
  });
}

/** The payout method bound to a connected account (stripeAccountId is unique across tenants), or null. */
export function findMethodByStripeAccount(stripeAccountId: string): Promise<{ id: string; tenantId: string; partnerId: string } | null> {
  return system().db.payoutMethod.findUnique({ where: { stripeAccountId }, select: { id: true, tenantId: true, partnerId: true } });
}

type RawExecutor = Pick<OwnerDb, "$executeRaw">;

/**
 * Records a Stripe event id as processed. Returns false when it was already recorded (a replay).
 * Pass the transaction that applies the event, so a crash before commit leaves the event unrecorded
 * and Stripe's retry applies it; a concurrent delivery of the same id waits on the key and then
 * sees it recorded.
 */
export async function recordStripeEvent(db: RawExecutor, eventId: string, type: string): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO "StripeEvent" (id, type, "processedAt") VALUES (${eventId}, ${type}, now()) ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}

/** For events that change nothing in any tenant (unknown payout or account): recorded outside a tenant. */
export function recordStripeEventGlobally(eventId: string, type: string): Promise<boolean> {
  return recordStripeEvent(system().db, eventId, type);
}
