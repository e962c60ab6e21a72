// The referral pipeline as a source of funnel and money events (issue 12). Runs inside the
// transition's transaction (lib/referrals/transition-referral.ts):
// - qualified → a `lead` event; won → a `close` event and a `revenue` event, both carrying the deal
//   value (amount + currency, converted into the reporting currency with the rate of the close day);
// - lost (or rejected) and re-opening a won referral → the pipeline's events are reversed: their
//   commissions are voided (pending, or approved and in no payout) or clawed back (a negative row,
//   when already in a payout or paid), the events are deleted — the FunnelDaily triggers subtract
//   exactly what they added — and an audit entry records what was reversed.
// Events are once per referral and type: the idempotency key is `pipeline:<referralId>:<type>`
// (unique per tenant), and the referral row's conditional update serialises concurrent moves.
// How they are counted: docs/funnel-definitions.md ("The pipeline as an event source").
import { auditIn } from "@/lib/audit/record-audit";
import { PIPELINE_KEY_PREFIX } from "@/lib/commissions/run-job";
import { insertCommissions, voidCommissions, type NewCommission } from "@/lib/commissions/ledger";
import type { ConversionType, Market, ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import type { ConvertResult } from "@/lib/fx/convert";

export type PipelineReferral = {
  id: string; partnerId: string | null; programId: string; clickId: string | null; sourceMarket: Market; targetMarket: Market;
};

type Actor = { tenantId: string; userId: string | null };

export const pipelineKey = (referralId: string, type: ConversionType) => `${PIPELINE_KEY_PREFIX}${referralId}:${type}`;

/** Which pipeline events a move reverses. */
export function reversedBy(from: ReferralStatus, to: ReferralStatus): ConversionType[] {
  if (to === "lost" || to === "rejected") return ["lead", "close", "revenue"];
  if (from === "won") return ["close", "revenue"]; // re-opened: the qualification stands
  return [];
}

export type DealMoney = { amountMinor: bigint; currency: string; fx: ConvertResult | null; reportingCurrency: string };

/**
 * Records one pipeline event unless the referral already has it (idempotent). Attribution is the
 * referral's own (as `attributeEvent` gives for an event naming the referral); the customer is the
 * one the referral's win made or linked (lib/customers/link-customer.ts). Returns the new event id.
 */
export async function recordPipelineEvent(
  tx: TenantTx,
  actor: Actor,
  referral: PipelineReferral,
  input: { type: ConversionType; occurredAt: Date; customerId: string | null; money: DealMoney | null },
): Promise<string | null> {
  const idempotencyKey = pipelineKey(referral.id, input.type);
  const existing = await tx.conversionEvent.findFirst({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return null;
  const { money } = input;
  const event = await tx.conversionEvent.create({
    data: {
      tenantId: actor.tenantId, type: input.type, source: "system", idempotencyKey, payloadHash: idempotencyKey,
      occurredAt: input.occurredAt,
      amountMinor: money?.amountMinor ?? null,
      currency: money?.currency ?? null,
      ...(money?.fx?.ok ? { reportingAmountMinor: money.fx.minor, reportingCurrency: money.reportingCurrency, fxRate: money.fx.rate, fxRateDay: money.fx.rateDay } : {}),
      customerId: input.customerId,
      referralId: referral.id, clickId: referral.clickId, partnerId: referral.partnerId, programId: referral.programId,
      sourceMarket: referral.sourceMarket, targetMarket: referral.targetMarket,
    },
    select: { id: true },
  });
  return event.id;
}

/**
 * Reverses the referral's pipeline events of `types`: commissions voided or clawed back, events
 * deleted, one audit entry. Returns how many events were reversed.
 */
export async function reversePipelineEvents(tx: TenantTx, actor: Actor, referralId: string, types: ConversionType[], why: string): Promise<number> {
  if (types.length === 0) return 0;
  const events = await tx.conversionEvent.findMany({
    where: { idempotencyKey: { in: types.map((t) => pipelineKey(referralId, t)) } },
    select: { id: true, type: true, occurredAt: true, amountMinor: true, currency: true, reportingAmountMinor: true, reportingCurrency: true },
  });
  if (events.length === 0) return 0;
  const eventIds = events.map((e) => e.id);
  const reason = `pipeline:${why}`;
  const voided = await voidCommissions(tx, actor, { eventId: { in: eventIds }, kind: "earning" }, reason);
  // What is already in a payout or paid cannot be voided: a negative row nets it against the next payout.
  const kept = await tx.commission.findMany({
    where: { eventId: { in: eventIds }, kind: "earning", status: { not: "void" } },
    select: { id: true, partnerId: true, programId: true, ruleId: true, customerId: true, amountMinor: true, currency: true, explanation: true },
  });
  const now = new Date();
  const clawbacks: NewCommission[] = kept.map((c) => ({
    partnerId: c.partnerId, programId: c.programId, ruleId: c.ruleId, eventId: null, customerId: c.customerId,
    reversesId: c.id, kind: "clawback", amountMinor: -c.amountMinor, currency: c.currency,
    explanation: { kind: "pipeline_reversal", why }, reason, occurredAt: now, dueAt: now,
  }));
  const clawedBack = await insertCommissions(tx, actor, clawbacks, reason);
  await tx.conversionEvent.deleteMany({ where: { id: { in: eventIds } } });
  await auditIn(tx, actor, {
    action: "referral.pipeline_events_reversed",
    entityType: "Referral",
    entityId: referralId,
    data: {
      why,
      events: events.map((e) => ({
        id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(),
        amountMinor: e.amountMinor?.toString() ?? null, currency: e.currency,
        reportingAmountMinor: e.reportingAmountMinor?.toString() ?? null, reportingCurrency: e.reportingCurrency,
      })),
      voidedCommissions: voided.map((v) => v.id),
      clawbackCommissions: clawedBack,
    },
  });
  return events.length;
}
