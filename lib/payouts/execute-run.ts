// Executing an approved run. Stripe payouts go out as Connect transfers here; registry payouts wait
// for staff to hand the registry to the bank ("mark as sent"); manual payouts wait for staff to mark
// each one paid or failed. Held payouts are skipped. Safe to run twice or concurrently: a payout is
// taken ready → processing by a conditional update before any money moves, and Stripe sees the
// payout's own idempotency key, so a retry returns the same transfer instead of a second one.
// A payout left `processing` by a pass that died is looked up at Stripe first (transfer group = run,
// metadata.payout_id = payout) and only resent when no transfer exists: Stripe keeps idempotency keys
// for about 24 h, so a retry days later must not rely on the key alone.
// The work runs as a job (lib/jobs/tasks.ts, "payouts:execute-run"): the action only starts the run.
import type Stripe from "stripe";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb } from "@/lib/db/tenant-client";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { getStripe } from "@/lib/stripe/client";
import { findStripeTransfer, sendStripeTransfer, type StripeTransferInput } from "@/lib/stripe/transfers";
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
  /** The transfer a payout already has at Stripe, or null (default: a list by transfer group). */
  findTransfer?: (stripe: Stripe, input: { runId: string; payoutId: string }) => Promise<{ transferId: string } | null>;
  /** Checked between payouts: when it says stop (worker shutting down), the pass ends early. */
  shouldStop?: () => boolean;
};

/** Who the work is done for: the tenant's scoped client and the person who started the run (audit), if any. */
export type RunScope = { db: TenantDb; tenantId: string; userId: string | null };

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

/** Starts (if needed) and executes the run in this request: tests and the bench. The product enqueues a job. */
export async function executePayoutRun(ctx: TenantContext, runId: string, deps: ExecuteDeps = {}): Promise<ExecuteSummary> {
  const run = await getRunOrThrow(ctx.db, runId);
  if (run.status !== "executing") await startPayoutRun(ctx, runId);
  else assertCan(ctx, "payouts:manage");
  return executeStartedRun({ db: ctx.db, tenantId: ctx.tenantId, userId: ctx.userId }, runId, deps);
}

type PayoutRow = {
  id: string; partnerId: string; rail: string; status: string; amountMinor: bigint; currency: string;
  reference: string; idempotencyKey: string; payee: unknown; updatedAt: Date;
};

type SendContext = { scope: RunScope; runId: string; stripe: Stripe; deps: ExecuteDeps };

/**
 * One Stripe payout already in `processing`: when an earlier pass may have sent it (`lookUpFirst`),
 * the transfer Stripe has for it; else a new one with the payout's idempotency key. A payout this
 * pass just took from `ready` has never been sent, so it skips the lookup.
 */
async function sendOrReconcile(c: SendContext, p: PayoutRow, destination: string, lookUpFirst: boolean): Promise<"sent" | "failed" | "retryLater"> {
  const { scope, runId, stripe, deps } = c;
  const actor = { tenantId: scope.tenantId, userId: scope.userId };
  const find = deps.findTransfer ?? findStripeTransfer;
  const send = deps.sendTransfer ?? sendStripeTransfer;
  try {
    const existing = lookUpFirst ? await find(stripe, { runId, payoutId: p.id }) : null;
    const { transferId } = existing ?? await send(stripe, {
      amountMinor: p.amountMinor, currency: p.currency, destination, idempotencyKey: p.idempotencyKey,
      reference: p.reference, payoutId: p.id, tenantId: scope.tenantId, runId,
    });
    await scope.db.$transaction((tx) => markPayoutSent(tx, p.id, { externalId: transferId }));
    return "sent";
  } catch (error) {
    if (isDefinitiveRefusal(error)) {
      await scope.db.$transaction((tx) => settlePayoutFailed(tx, actor, p.id, errorText(error)));
      return "failed";
    }
    // Touch updatedAt so only a later pass (after the stale window) retries it.
    await scope.db.payout.updateMany({ where: { id: p.id, status: "processing" }, data: { failureReason: errorText(error) } });
    return "retryLater";
  }
}

/** The job's body: executes a run that is already `executing` (the permission was checked when it was started). */
export async function executeStartedRun(scope: RunScope, runId: string, deps: ExecuteDeps = {}): Promise<ExecuteSummary> {
  const run = await getRunOrThrow(scope.db, runId);
  const summary: ExecuteSummary = { sent: 0, failed: 0, held: 0, stripeNotConfigured: 0, noStripeAccount: 0, retryLater: 0, waiting: 0 };
  if (run.status !== "executing") return summary; // completed or cancelled meanwhile: nothing to do
  const stripe = deps.stripe === undefined ? getStripe() : deps.stripe;

  const methods = new Map<string, string | null>();
  let afterId = "";
  let processed = 0;
  let stopped = false;
  for (;;) {
    if (deps.shouldStop?.()) break;
    const payouts: PayoutRow[] = await scope.db.payout.findMany({
      where: { runId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: CHUNK,
      select: { id: true, partnerId: true, rail: true, status: true, amountMinor: true, currency: true, reference: true, idempotencyKey: true, payee: true, updatedAt: true },
    });
    if (payouts.length === 0) break;
    afterId = payouts[payouts.length - 1].id;
    const stripeIds = payouts.filter((p) => p.rail === "stripe" && !methods.has(p.partnerId)).map((p) => p.partnerId);
    if (stripeIds.length > 0) {
      const rows = await scope.db.payoutMethod.findMany({ where: { partnerId: { in: stripeIds } }, select: { partnerId: true, stripeAccountId: true } });
      for (const id of stripeIds) methods.set(id, rows.find((r) => r.partnerId === id)?.stripeAccountId ?? null);
    }

    for (const p of payouts) {
      if (p.status === "held") summary.held += 1;
      else if (p.rail !== "stripe") {
        if (p.status === "ready" || p.status === "sent" || p.status === "partial") summary.waiting += 1;
      } else if (p.status === "ready" || (p.status === "processing" && Date.now() - p.updatedAt.getTime() > STALE_PROCESSING_MS)) {
        if (deps.shouldStop?.()) {
          stopped = true; // this chunk is not done: its progress is not counted
          break;
        }
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
          const { count } = await scope.db.payout.updateMany({ where: { id: p.id, status: "ready" }, data: { status: "processing" } });
          if (count !== 1) continue; // another pass took it
        }
        summary[await sendOrReconcile({ scope, runId, stripe, deps }, p, destination, p.status === "processing")] += 1;
      }
    }
    if (stopped) break;
    processed += payouts.length;
    await scope.db.payoutRun.updateMany({ where: { id: runId, processed: { lt: processed } }, data: { processed } });
  }
  await refreshRunCompletion(scope.db, runId);
  return summary;
}

/**
 * Staff's "check and retry" on one Stripe payout left `processing`: looks the transfer up at Stripe
 * and records it, or sends it again with the same idempotency key. Never a second transfer.
 */
export async function retryStuckPayout(ctx: TenantContext, payoutId: string, deps: ExecuteDeps = {}): Promise<"sent" | "failed" | "retryLater"> {
  assertCan(ctx, "payouts:manage");
  const p = await ctx.db.payout.findFirst({
    where: { id: payoutId },
    select: { id: true, runId: true, partnerId: true, rail: true, status: true, amountMinor: true, currency: true, reference: true, idempotencyKey: true, payee: true, updatedAt: true },
  });
  if (!p) throw new NotFoundError();
  if (p.rail !== "stripe" || p.status !== "processing") throw new DomainError("payouts.not_retryable");
  const stripe = deps.stripe === undefined ? getStripe() : deps.stripe;
  if (!stripe) throw new DomainError("payouts.stripe_not_configured");
  const method = await ctx.db.payoutMethod.findFirst({ where: { partnerId: p.partnerId }, select: { stripeAccountId: true } });
  const destination = (p.payee as { stripeAccountId?: string | null })?.stripeAccountId || method?.stripeAccountId || null;
  if (!destination) throw new DomainError("payouts.no_stripe_account");
  const scope = { db: ctx.db, tenantId: ctx.tenantId, userId: ctx.userId };
  const result = await sendOrReconcile({ scope, runId: p.runId, stripe, deps }, p, destination, true);
  await refreshRunCompletion(ctx.db, p.runId);
  return result;
}
