import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { creditCommissionsAfterTransition } from "@/lib/commissions/after-ingest";
import { customerForWonReferral } from "@/lib/customers/link-customer";
import { convertToReporting } from "@/lib/fx/convert";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { linkClientRecord } from "./client-record";
import { isKnownClient } from "./known-client";
import { notifiesPartner, planTransition, shortcuts, type TransitionInput } from "./state-machine";
import { notifyPartner } from "./notify-partner";
import { recordPipelineEvent, reversePipelineEvents, reversedBy, type DealMoney } from "./pipeline-events";
import { encodeReason } from "./transition-reason";
import { TX_OPTIONS } from "./tx";
import { log } from "@/lib/ops/log";
import { startOfLocalDay } from "@/lib/kernel/time-zone";
import { emitWebhook } from "@/lib/webhooks/emit";

export type NotifyOptions = {
  /**
   * Runs work after the response (Next's `after()` in server actions). Default: run it now, awaited —
   * scripts and tests. The commission job for the pipeline's new events goes through it.
   */
  defer?: (task: () => Promise<void>) => void;
};

/**
 * Moves one referral to its next status, in one transaction: re-read, check the move and its
 * inputs, update the row only if its status is still the one that was read (so of two
 * concurrent moves exactly one applies), record the step, audit, and on `won` make the subject a
 * client and a customer (lib/customers). The pipeline's lead/close/revenue events are recorded or
 * reversed in the same transaction (./pipeline-events.ts), and so is the partner's notice
 * (./notify-partner.ts; the partner-mail sweep e-mails it, batched with the partner's other changes of
 * the last few minutes). After the commit the commission job runs for the new events (deferred, never
 * failing the move).
 *
 * A shortcut (a win from `qualified`, or from `in_review` for a known client — ./state-machine.ts)
 * is one move: one history row per step, all with the same actor and time (the note on the last
 * one), one audit entry naming the skipped stages, the lead recorded once if the move qualifies the
 * referral, and one notice to the partner about the final status.
 */
export async function transitionReferral(ctx: TenantContext, id: string, typed: TransitionInput, options: NotifyOptions = {}) {
  assertCan(ctx, "referrals:write");
  // The close day is a calendar day (its FX rate is that day's); the deal closed when that day began
  // in the agency's time zone, so it lands on that local day in the funnel.
  const input: TransitionInput = typed.closedOn
    ? { ...typed, closedOn: startOfLocalDay(typed.closedOn.toISOString().slice(0, 10), ctx.timeZone) }
    : typed;
  const now = new Date();
  const internal = input.internal ?? true;
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  // The deal value in the reporting currency, settled before the transaction like an ingest does.
  const deal: DealMoney | null = input.to === "won" && input.dealValueMinor && input.dealValueMinor > 0n && input.dealCurrency && input.closedOn
    ? {
        amountMinor: input.dealValueMinor, currency: input.dealCurrency, reportingCurrency: ctx.reportingCurrency,
        fx: await convertToReporting(ctx.db, { amountMinor: input.dealValueMinor, currency: input.dealCurrency, reportingCurrency: ctx.reportingCurrency, day: typed.closedOn ?? input.closedOn }),
      }
    : null;
  const done = await ctx.db.$transaction(async (tx) => {
    const current = await tx.referral.findFirst({ where: { id, status: { not: "draft" } } });
    if (!current) throw new NotFoundError();
    // Whether the subject is a known client matters only for a shortcut that requires it.
    const knownClient = shortcuts[current.status]?.[input.to]?.knownClientOnly ? await isKnownClient(tx, current) : false;
    const effect = planTransition(current.status, input, "staff", now, { knownClient });
    const { count } = await tx.referral.updateMany({
      where: { id, status: current.status },
      data: {
        status: input.to,
        ...(effect.qualifiedAt ? { qualifiedAt: effect.qualifiedAt } : {}),
        ...(effect.closedAt ? { closedAt: effect.closedAt } : {}),
        ...(effect.rejectReason ? { rejectReason: effect.rejectReason } : {}),
        ...(effect.lostReason ? { lostReason: effect.lostReason } : {}),
        ...(effect.dealValueMinor ? { dealValueMinor: effect.dealValueMinor, dealCurrency: effect.dealCurrency } : {}),
      },
    });
    if (count === 0) throw new DomainError("referral_changed");
    const client = input.to === "won" ? await linkClientRecord(tx, actor, current) : null;
    if (client) await tx.referral.updateMany({ where: { id }, data: client });
    const customer = input.to === "won" ? await customerForWonReferral(tx, ctx.tenantId, current, effect.closedAt ?? now) : null;
    const eventIds: string[] = [];
    await reversePipelineEvents(tx, actor, id, reversedBy(current.status, input.to), current.status === "won" ? "reopened" : input.to);
    if (effect.steps.includes("qualified")) {
      const linked = await tx.customer.findFirst({ where: { referralId: id }, select: { id: true } });
      eventIds.push(...[await recordPipelineEvent(tx, actor, current, { type: "lead", occurredAt: effect.qualifiedAt ?? now, customerId: linked?.id ?? null, money: null })].filter((x): x is string => !!x));
    }
    if (input.to === "won" && customer && deal) {
      for (const type of ["close", "revenue"] as const) {
        const eventId = await recordPipelineEvent(tx, actor, current, { type, occurredAt: effect.closedAt ?? now, customerId: customer.id, money: deal });
        if (eventId) eventIds.push(eventId);
      }
    }
    // One row per step, the same actor and time; the skipped stages carry no note. `createdAt` is set
    // here so the steps share it exactly; the history orders them by (createdAt, id).
    let from = current.status;
    for (const step of effect.steps) {
      const last = step === input.to;
      await tx.referralTransition.create({
        data: { tenantId: ctx.tenantId, referralId: id, fromStatus: from, toStatus: step, actorUserId: ctx.userId, createdAt: now,
          reason: last ? encodeReason(effect.rejectReason, effect.note) : null, internal: last && effect.note ? internal : false },
      });
      from = step;
    }
    await auditIn(tx, actor, {
      action: "referral.transitioned",
      entityType: "Referral",
      entityId: id,
      data: {
        from: current.status, to: input.to, ...(effect.steps.length > 1 ? { skipped: effect.steps.slice(0, -1) } : {}),
        ...(effect.rejectReason ? { rejectReason: effect.rejectReason } : {}),
        ...(effect.dealValueMinor ? { dealValueMinor: effect.dealValueMinor.toString(), dealCurrency: effect.dealCurrency ?? null } : {}),
        ...(client ?? {}),
      },
    });
    await emitWebhook(tx, { type: "referral.status_changed", referralId: id, from: current.status });
    if (notifiesPartner(input.to)) {
      await notifyPartner(tx, ctx.tenantId, {
        referralId: id, partnerId: current.partnerId, to: input.to, note: effect.note, internal, rejectReason: effect.rejectReason ?? null,
      });
    }
    return { current, effect, client, eventIds };
  }, TX_OPTIONS);

  if (done.eventIds.length) {
    const credit = async () => { await creditCommissionsAfterTransition({ db: ctx.db, tenantId: ctx.tenantId }, done.eventIds); };
    if (options.defer) options.defer(credit);
    else await credit();
  }

  return { id, from: done.current.status, to: input.to, skipped: done.effect.steps.slice(0, -1), eventIds: done.eventIds, ...(done.client ?? {}) };
}

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; code: string };

/** One move applied to many referrals; each succeeds or fails on its own and says why. */
export async function bulkTransition(ctx: TenantContext, ids: readonly string[], input: TransitionInput, options: NotifyOptions = {}): Promise<BulkResult[]> {
  assertCan(ctx, "referrals:write");
  const results: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await transitionReferral(ctx, id, input, options);
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) log().error({ err: error, referralId: id }, "bulk transition failed");
      results.push({ id, ok: false, code: error instanceof DomainError ? error.code : "unexpected" });
    }
  }
  return results;
}
