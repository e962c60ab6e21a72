// Payout status changes that move money in the ledger. Each is a conditional UPDATE on the payout
// (it must still be in one of the allowed states), so webhook replays, out-of-order events and two
// staff members clicking at once change it at most once; the commissions follow in the same transaction.
//
//   ready ─execute→ processing ─→ sent ─→ paid          (paid ─reversal→ failed)
//     │                 │          │  └─→ partial ─→ paid
//     └────────── failed / cancelled ←┘                 (failed and cancelled are final)
import type { PayoutStatus } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { emitPayoutMove } from "@/lib/webhooks/emit";
import { markPayoutCommissionsPaid, releaseFromPayout, reversePaidCommissions } from "@/lib/commissions/ledger";
import { notifyPayoutFailed } from "@/lib/notifications/producers";

type Actor = { tenantId: string; userId: string | null };
type Db = TenantTx | TenantDb;

const open: PayoutStatus[] = ["held", "ready", "processing", "sent", "partial"];

async function move(tx: Db, payoutId: string, from: PayoutStatus[], data: Record<string, unknown> & { status: PayoutStatus }) {
  const { count } = await tx.payout.updateMany({ where: { id: payoutId, status: { in: from } }, data });
  if (count === 1) await emitPayoutMove(tx, payoutId, data.status);
  return count === 1;
}

/** The payout left the agency (Stripe transfer created, registry handed to the bank). */
export function markPayoutSent(tx: Db, payoutId: string, details: { externalId?: string | null } = {}) {
  return move(tx, payoutId, ["ready", "processing"], { status: "sent", sentAt: new Date(), ...(details.externalId ? { externalId: details.externalId } : {}) });
}

/** The bank statement shows less than the payout: flagged for staff, commissions stay claimed. */
export function markPayoutPartial(tx: Db, payoutId: string, receivedAmountMinor: bigint) {
  return move(tx, payoutId, ["sent", "partial"], { status: "partial", receivedAmountMinor });
}

/** The payee received the money: the payout and its commissions become paid. No-op when already settled. */
export async function settlePayoutPaid(
  tx: Db,
  actor: Actor,
  payoutId: string,
  details: { externalId?: string | null; receivedAmountMinor?: bigint | null; paidAt?: Date } = {},
): Promise<boolean> {
  const paidAt = details.paidAt ?? new Date();
  const moved = await move(tx, payoutId, ["ready", "processing", "sent", "partial"], {
    status: "paid", paidAt,
    ...(details.externalId ? { externalId: details.externalId } : {}),
    ...(details.receivedAmountMinor != null ? { receivedAmountMinor: details.receivedAmountMinor } : {}),
  });
  if (moved) await markPayoutCommissionsPaid(tx, actor, payoutId, paidAt);
  return moved;
}

/**
 * The payment failed (or a paid transfer was reversed): the payout becomes failed — final — and its
 * commissions return to the approved pool for the next run.
 */
export async function settlePayoutFailed(tx: Db, actor: Actor, payoutId: string, reason: string): Promise<boolean> {
  const wasOpen = await move(tx, payoutId, open, { status: "failed", failureReason: reason });
  if (wasOpen) {
    await releaseFromPayout(tx, actor, payoutId, reason);
    await notifyPayoutFailed(tx, actor.tenantId, payoutId);
    return true;
  }
  const wasPaid = await move(tx, payoutId, ["paid"], { status: "failed", failureReason: reason });
  if (wasPaid) await reversePaidCommissions(tx, actor, payoutId, reason);
  if (wasPaid) await notifyPayoutFailed(tx, actor.tenantId, payoutId);
  return wasPaid;
}

/** A payout dropped before any money moved (run cancelled). */
export async function cancelPayout(tx: Db, actor: Actor, payoutId: string, reason: string): Promise<boolean> {
  const moved = await move(tx, payoutId, ["held", "ready"], { status: "cancelled", failureReason: reason });
  if (moved) await releaseFromPayout(tx, actor, payoutId, reason);
  return moved;
}
