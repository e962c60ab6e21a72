// Executing an approved run. Stripe payouts go out as Connect transfers here; registry payouts wait
// for staff to hand the registry to the bank ("mark as sent"); manual payouts wait for staff to mark
// each one paid or failed. Held payouts are skipped. Safe to run twice or concurrently: a payout is
// taken ready → processing by a conditional update before any money moves, and Stripe sees the
// payout's own idempotency key, so a retry returns the same transfer instead of a second one.
import type Stripe from "stripe";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/kernel/errors";
import { getStripe } from "@/lib/stripe/client";
import { sendStripeTransfer, type StripeTransferInput } from "@/lib/stripe/transfers";
import { refreshRunCompletion, getRunOrThrow } from "./run-status";
import { markPayoutSent, settlePayoutFailed } from "./settle";

export { approvePayoutRun, cancelPayoutRun } from "./run-status";
export { markRegistrySent } from "./registry-sent";

const CHUNK = 100;
/** A payout left in `processing` this long ago belongs to a pass that died; it is retried (same idempotency key). */
const STALE_PROCESSING_MS = 5 * 60_000;

export type ExecuteDeps = {
  /** undefined: the configured client (getStripe()); null: Stripe not configured. */
  stripe?: Stripe | null;
  sendTransfer?: (stripe: Stripe, input: StripeTransferInput) => Promise<{ transferId: string }>;
};

export type ExecuteSummary = {
  sent: number;
  failed: number;
  held: number;
  /** Stripe payouts left ready because no Stripe key is configured. */
  stripeNotConfigured: number;
  /** Stripe payouts left ready because the partner has no connected account. */
  noStripeAccount: number;
  /** Stripe payouts left processing after a network or Stripe-side error; the next pass retries them. */
  retryLater: number;
  /** Registry and manual payouts: they wait for staff. */
  waiting: number;
};

/** Moves the run to executing (from approved, or again from executing/completed to pick up released holds). */
export async function startPayoutRun(ctx: TenantContext, runId: string) {
  assertCan(ctx, "payouts:manage");
  const run = await getRunOrThrow(ctx.db, runId);
  if (!["approved", "executing", "completed"].includes(run.status)) throw new DomainError("payouts.run_not_approved");
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.payoutRun.updateMany({
      where: { id: runId, status: { in: ["approved", "executing", "completed"] } },
      data: { status: "executing", completedAt: null, processed: 0, ...(run.executedAt ? {} : { executedAt: new Date(), executedById: ctx.userId }) },
    });
    if (count !== 1) throw new DomainError("payouts.run_not_approved");
    await auditIn(tx, ctx, { action: "payouts.run_executed", entityType: "PayoutRun", entityId: runId });
  });
}

/**
 * Stripe errors that say the transfer was refused (bad account, insufficient balance …) fail the
 * payout and return its commissions to the pool. Network and Stripe-side errors do not: the transfer
 * may have been created, so the payout stays processing and is retried with the same idempotency key.
 */
function isDefinitiveRefusal(error: unknown): boolean {
  const type = (error as { type?: unknown })?.type;
  return type === "StripeInvalidRequestError" || type === "StripeCardError" || type === "StripePermissionError" || type === "StripeIdempotencyError";
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `stripe: ${message}`.slice(0, 500);
}

export async function executePayoutRun(ctx: TenantContext, runId: string, deps: ExecuteDeps = {}): Promise<ExecuteSummary> {
  const run = await getRunOrThrow(ctx.db, runId);
  if (run.status !== "executing") await startPayoutRun(ctx, runId);
  else assertCan(ctx, "payouts:manage");
  const stripe = deps.stripe === undefined ? getStripe() : deps.stripe;
  const send = deps.sendTransfer ?? sendStripeTransfer;
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const summary: ExecuteSummary = { sent: 0, failed: 0, held: 0, stripeNotConfigured: 0, noStripeAccount: 0, retryLater: 0, waiting: 0 };

  const methods = new Map<string, string | null>();
  let afterId = "";
  let processed = 0;
  for (;;) {
    const payouts = await ctx.db.payout.findMany({
      where: { runId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: CHUNK,
      select: { id: true, partnerId: true, rail: true, status: true, amountMinor: true, currency: true, reference: true, idempotencyKey: true, payee: true, updatedAt: true },
    });
    if (payouts.length === 0) break;
    afterId = payouts[payouts.length - 1].id;
    const stripeIds = payouts.filter((p) => p.rail === "stripe" && !methods.has(p.partnerId)).map((p) => p.partnerId);
    if (stripeIds.length > 0) {
      const rows = await ctx.db.payoutMethod.findMany({ where: { partnerId: { in: stripeIds } }, select: { partnerId: true, stripeAccountId: true } });
      for (const id of stripeIds) methods.set(id, rows.find((r) => r.partnerId === id)?.stripeAccountId ?? null);
    }

    for (const p of payouts) {
      if (p.status === "held") summary.held += 1;
      else if (p.rail !== "stripe") {
        if (p.status === "ready" || p.status === "sent" || p.status === "partial") summary.waiting += 1;
      } else if (p.status === "ready" || (p.status === "processing" && Date.now() - p.updatedAt.getTime() > STALE_PROCESSING_MS)) {
        if (!stripe) {
          summary.stripeNotConfigured += 1;
          continue;
        }
        // The account approved with the run (payee snapshot), else the partner's current one.
        const destination = (p.payee as { stripeAccountId?: string | null })?.stripeAccountId || methods.get(p.partnerId) || null;
        if (!destination) {
          summary.noStripeAccount += 1;
          continue;
        }
        if (p.status === "ready") {
          const { count } = await ctx.db.payout.updateMany({ where: { id: p.id, status: "ready" }, data: { status: "processing" } });
          if (count !== 1) continue; // another pass took it
        }
        try {
          const { transferId } = await send(stripe, {
            amountMinor: p.amountMinor, currency: p.currency, destination, idempotencyKey: p.idempotencyKey,
            reference: p.reference, payoutId: p.id, tenantId: ctx.tenantId, runId,
          });
          await markPayoutSent(ctx.db, p.id, { externalId: transferId });
          summary.sent += 1;
        } catch (error) {
          if (isDefinitiveRefusal(error)) {
            await ctx.db.$transaction((tx) => settlePayoutFailed(tx, actor, p.id, errorText(error)));
            summary.failed += 1;
          } else {
            // Touch updatedAt so only a later pass (after the stale window) retries it.
            await ctx.db.payout.updateMany({ where: { id: p.id, status: "processing" }, data: { failureReason: errorText(error) } });
            summary.retryLater += 1;
          }
        }
      }
    }
    processed += payouts.length;
    await ctx.db.payoutRun.updateMany({ where: { id: runId }, data: { processed } });
  }
  await refreshRunCompletion(ctx.db, runId);
  return summary;
}
