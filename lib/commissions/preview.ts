// "What would this event earn, and why?" — for a stored event or a hypothetical one, per matching
// rule, with the same engine and ledger state the job uses. Writes nothing.
import { assertCan } from "@/lib/auth/permissions";
import type { CommissionBasis, CommissionStatus, ConversionType } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { Explanation, SkipReason } from "./compute";
import { loadFxBook } from "./fx-batch";
import { decideEvent, eventRules, groupOf, loadEventGroups, loadLedgerState, type LedgerState } from "./run-job";
import { loadActiveRules, rulesForEvent, type LoadedRule } from "./rules-load";
import type { HypotheticalEvent } from "./schemas";

export type PreviewOutcome =
  | { kind: "earns"; commissionKind: "earning" | "clawback"; amountMinor: bigint; explanation: Explanation }
  | { kind: "skip"; reason: SkipReason }
  | { kind: "waiting_for_fx" }
  | { kind: "recorded"; commissionId: string; amountMinor: bigint; status: CommissionStatus; explanation: unknown };

export type PreviewLine = { ruleId: string; ruleName: string; basis: CommissionBasis; currency: string; outcome: PreviewOutcome };

export type PreviewResult =
  | { ok: true; event: { type: ConversionType; occurredAt: Date; amountMinor: bigint | null; currency: string | null; partnerMarket: string }; lines: PreviewLine[] }
  | { ok: false; reason: "not_referred" };

function lines(rules: LoadedRule[], decisions: ReturnType<typeof decideEvent>): PreviewLine[] {
  return decisions.map((d) => {
    const head = { ruleId: d.rule.id, ruleName: d.rule.compute.name, basis: d.rule.compute.basis, currency: d.rule.currency };
    if ("waitingForFx" in d) return { ...head, outcome: { kind: "waiting_for_fx" } };
    if ("skip" in d.result) return { ...head, outcome: { kind: "skip", reason: d.result.skip } };
    return { ...head, outcome: { kind: "earns", commissionKind: d.kind === "clawback" ? "clawback" : "earning", amountMinor: d.result.amountMinor, explanation: d.result.explanation } };
  });
}

/** A stored event: rules that already earned on it show the recorded row; the others what they would earn now. */
export async function previewStoredEvent(ctx: TenantContext, eventId: string): Promise<PreviewResult> {
  assertCan(ctx, "payouts:read");
  const event = await ctx.db.conversionEvent.findFirst({
    where: { id: eventId },
    select: { id: true, type: true, occurredAt: true, amountMinor: true, currency: true, partnerId: true, programId: true, customerId: true, referralId: true, idempotencyKey: true },
  });
  if (!event) throw new NotFoundError();
  const partner = event.partnerId ? await ctx.db.partner.findFirst({ where: { id: event.partnerId }, select: { market: true } }) : null;
  if (!partner || !event.programId) return { ok: false, reason: "not_referred" };
  const all = await loadActiveRules(ctx.db, [event.programId]);
  const group = groupOf(await loadEventGroups(ctx.db, [event]), event);
  const rules = eventRules(all, event, partner.market, group, await loadLedgerState(ctx.db, [event], all));
  const recorded = await ctx.db.commission.findMany({
    where: { eventId: event.id, ruleId: { in: rules.map((r) => r.id) } },
    select: { id: true, ruleId: true, amountMinor: true, status: true, explanation: true },
  });
  const byRule = new Map(recorded.map((c) => [c.ruleId, c]));
  const open = rules.filter((r) => !byRule.has(r.id));
  const state = await loadLedgerState(ctx.db, [event], open);
  const computed = new Map(lines(open, decideEvent(event, open, state)).map((l) => [l.ruleId, l]));
  return {
    ok: true,
    event: { type: event.type, occurredAt: event.occurredAt, amountMinor: event.amountMinor, currency: event.currency, partnerMarket: partner.market },
    lines: rules.map((r) => {
      const c = byRule.get(r.id);
      if (!c) return computed.get(r.id)!;
      return {
        ruleId: r.id, ruleName: r.compute.name, basis: r.compute.basis, currency: r.currency,
        outcome: { kind: "recorded", commissionId: c.id, amountMinor: c.amountMinor, status: c.status, explanation: c.explanation },
      };
    }),
  };
}

/**
 * A hypothetical event of a new customer of a partner in `market` (and in no group: program-wide rules): first commission of the month,
 * nothing earned yet (so a cap applies in full), its life starting at the event. A refund is shown
 * as if the customer had earned enough for the whole clawback.
 */
export async function previewHypothetical(ctx: TenantContext, input: HypotheticalEvent): Promise<PreviewResult> {
  assertCan(ctx, "payouts:read");
  const program = await ctx.db.program.findFirst({ where: { id: input.programId }, select: { id: true } });
  if (!program) throw new NotFoundError();
  const event = {
    id: "hypothetical", type: input.type, occurredAt: input.occurredAt, amountMinor: input.amountMinor, currency: input.currency,
    partnerId: "hypothetical", programId: program.id, customerId: "hypothetical", referralId: null,
  };
  const rules = rulesForEvent(await loadActiveRules(ctx.db, [program.id]), event, input.market);
  const fx = await loadFxBook(ctx.db, input.currency ? [input.currency] : [], rules.map((r) => r.currency), input.occurredAt, input.occurredAt);
  const state: LedgerState = {
    partnerMarket: new Map(), lifeStart: new Map([[event.id, input.occurredAt]]), existing: new Set(), monthCounts: new Map(),
    earned: new Map(rules.map((r) => [`${event.customerId}|${r.id}`, input.type === "refund" ? 10n ** 15n : 0n])),
    latestEarning: new Map(), referralPaid: new Set(), fx,
  };
  return {
    ok: true,
    event: { type: input.type, occurredAt: input.occurredAt, amountMinor: input.amountMinor, currency: input.currency, partnerMarket: input.market },
    lines: lines(rules, decideEvent(event, rules, state)),
  };
}
