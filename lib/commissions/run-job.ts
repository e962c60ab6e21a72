// The commission job: turns conversion events into ledger rows, once per (event, rule), and then
// approves what has waited out its hold. Safe to run twice or concurrently:
// - the unique key (tenant, event, rule) plus insertCommissions' skipDuplicates create each row once;
// - a transaction-level advisory lock per tenant serialises the compute+insert of concurrent runs, so
//   tier counts and caps are read after the other run's rows have committed (deterministic results).
// Events are processed in occurredAt order in batches (a few queries per batch, not per event).
import type { CommissionKind, ConversionType } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { approveCommissions, insertCommissions, type NewCommission } from "./ledger";
import { computeClawback, computeEarning, dueAt, monthKey, oncePerReferral, type ComputeResult, type Explanation } from "./compute";
import { loadFxBook, type FxBook } from "./fx-batch";
import { loadActiveRules, rulesForEvent, type LoadedRule } from "./rules-load";
import { loadGroupAt, type GroupAt, type GroupTerms } from "@/lib/groups/membership";
import { announceRiskHolds, evaluateNewCommissions } from "@/lib/risk/evaluate";
import type { RiskHoldEvent } from "@/lib/risk/hooks";

export type JobActor = { tenantId: string; userId: string | null };
export type JobOptions = {
  /** Only these events (e.g. the one just ingested); default all events of the tenant. */
  eventIds?: string[];
  now?: Date;
  /** Approve pending commissions whose hold has passed (default true). */
  approveDue?: boolean;
};
/**
 * Why a rule created nothing for some events (aggregated: one line per rule, reason and values).
 * `reason` is a key under `commissions:reasons.*`; `ruleName` is null for reasons about the event itself.
 */
export type JobReason = { ruleId: string | null; ruleName: string | null; reason: string; values: Record<string, string>; count: number };
export type JobResult = { created: number; skipped: number; waitingForFx: number; autoApproved: number; reasons: JobReason[] };

/** Events the referral pipeline records (lib/referrals/pipeline-events.ts) carry this idempotency-key prefix. */
export const PIPELINE_KEY_PREFIX = "pipeline:";
export const isPipelineEvent = (e: { idempotencyKey?: string | null }) => !!e.idempotencyKey?.startsWith(PIPELINE_KEY_PREFIX);

const BATCH = 500;
const TX_OPTIONS = { timeout: 120_000, maxWait: 60_000 } as const;

/** Serialises commission computation within one tenant for the rest of the transaction. */
export async function lockTenantCommissions(tx: TenantTx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`commissions:${tenantId}`}::text))`;
}

export async function runCommissionJob(db: TenantDb, actor: JobActor, options: JobOptions = {}): Promise<JobResult> {
  const totals: JobResult = { created: 0, skipped: 0, waitingForFx: 0, autoApproved: 0, reasons: [] };
  if (options.eventIds && options.eventIds.length === 0) return totals;
  let afterId: string | null = null;
  const riskHolds: RiskHoldEvent[] = [];
  for (;;) {
    const batch: { last: string; size: number } | null = await db.$transaction(async (tx) => {
      await lockTenantCommissions(tx, actor.tenantId);
      const ids = await candidateEventIds(tx, actor.tenantId, afterId, options.eventIds ?? null);
      if (ids.length === 0) return null;
      const outcome = await processBatch(tx, actor, ids);
      totals.created += outcome.created;
      totals.skipped += outcome.skipped;
      totals.waitingForFx += outcome.waitingForFx;
      riskHolds.push(...outcome.riskHolds);
      return { last: ids[ids.length - 1], size: ids.length };
    }, TX_OPTIONS);
    if (!batch) break;
    afterId = batch.last;
    if (batch.size < BATCH) break;
  }
  announceRiskHolds(riskHolds);
  if (totals.created === 0) totals.reasons = await explainNothingCreated(db, actor.tenantId, options.eventIds ?? null);
  if (options.approveDue !== false) totals.autoApproved = await approveDueCommissions(db, actor, options.now ?? new Date(), true);
  return totals;
}

/** Pending commissions whose `dueAt` has passed become approved (by the system, or by staff pressing "approve due"). */
export async function approveDueCommissions(db: TenantDb, actor: JobActor, now: Date, auto: boolean): Promise<number> {
  const moved = await db.$transaction((tx) => approveCommissions(tx, actor, { dueAt: { lte: now } }, auto), TX_OPTIONS);
  return moved.length;
}

/**
 * Events (in occurredAt, id order, after the cursor event) of a referred customer for which some
 * unarchived rule of the event's program, the partner's market and the event's basis has no
 * commission yet. Events skipped earlier (cap, duration, waiting for a rate) come back here; the
 * cursor keeps one run from reading them twice. Raw SQL is not tenant-scoped: tenantId is explicit.
 */
async function candidateEventIds(tx: TenantTx, tenantId: string, afterId: string | null, only: string[] | null): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "ConversionEvent" e
    JOIN "Partner" p ON p.id = e."partnerId" AND p."tenantId" = e."tenantId"
    -- The partner's group when the event happened (lib/groups/membership.ts, loadGroupAt); arrays
    -- tell "a move to/from no group" (NULL) from "no such move".
    CROSS JOIN LATERAL (SELECT (COALESCE(
      (SELECT ARRAY[m."toGroupId"] FROM "PartnerGroupMove" m WHERE m."tenantId" = e."tenantId" AND m."partnerId" = e."partnerId"
         AND m."programId" = e."programId" AND m."movedAt" <= e."occurredAt" ORDER BY m."movedAt" DESC, m.id DESC LIMIT 1),
      (SELECT ARRAY[m."fromGroupId"] FROM "PartnerGroupMove" m WHERE m."tenantId" = e."tenantId" AND m."partnerId" = e."partnerId"
         AND m."programId" = e."programId" AND m."movedAt" > e."occurredAt" ORDER BY m."movedAt", m.id LIMIT 1),
      (SELECT ARRAY[pp."groupId"] FROM "ProgramPartner" pp WHERE pp."tenantId" = e."tenantId" AND pp."partnerId" = e."partnerId" AND pp."programId" = e."programId")
    ))[1] AS id) g
    WHERE e."tenantId" = ${tenantId} AND e."programId" IS NOT NULL
      AND (${only}::text[] IS NULL OR e.id = ANY(${only}::text[]))
      AND (${afterId}::text IS NULL OR (e."occurredAt", e.id) > (SELECT c."occurredAt", c.id FROM "ConversionEvent" c WHERE c.id = ${afterId}::text))
      AND EXISTS (
        SELECT 1 FROM "CommissionRule" r
        WHERE r."tenantId" = e."tenantId" AND r."programId" = e."programId" AND r."archivedAt" IS NULL
          AND (r.market IS NULL OR r.market = p.market)
          AND r.basis::text = ANY(CASE e.type::text WHEN 'lead' THEN ARRAY['lead_bounty'] WHEN 'close' THEN ARRAY['close_bounty', 'deal_share'] ELSE ARRAY['revenue_share'] END)
          -- Partner groups (rulesForEvent): a rule of the partner's group at the event's time, or a
          -- program-wide rule of a basis that group has no rule for. Refunds claw back under any group's rule.
          AND (e.type::text = 'refund' OR r."groupId" = g.id OR (r."groupId" IS NULL AND NOT EXISTS (
            SELECT 1 FROM "CommissionRule" gr
            WHERE gr."tenantId" = e."tenantId" AND gr."programId" = e."programId" AND gr."archivedAt" IS NULL AND gr."groupId" = g.id
              AND gr.basis = r.basis AND (gr.market IS NULL OR gr.market = p.market))))
          -- The pipeline's booked deal value is paid by deal_share rules, never by revenue share.
          AND NOT (r.basis::text = 'revenue_share' AND e."idempotencyKey" LIKE ${PIPELINE_KEY_PREFIX + "%"})
          AND NOT EXISTS (SELECT 1 FROM "Commission" m WHERE m."tenantId" = e."tenantId" AND m."eventId" = e.id AND m."ruleId" = r.id))
    ORDER BY e."occurredAt", e.id
    LIMIT ${BATCH}`;
  return rows.map((r) => r.id);
}

type BatchEvent = {
  id: string; type: ConversionType; occurredAt: Date; amountMinor: bigint | null; currency: string | null;
  partnerId: string | null; programId: string | null; customerId: string | null; referralId: string | null;
  idempotencyKey?: string | null;
};

const EVENT_SELECT = {
  id: true, type: true, occurredAt: true, amountMinor: true, currency: true, partnerId: true, programId: true, customerId: true,
  referralId: true, idempotencyKey: true,
} as const;

/** What the ledger already holds that tiers, caps and clawbacks depend on, for a set of events. */
export type LedgerState = {
  partnerMarket: Map<string, string>;
  lifeStart: Map<string, Date>; // by event id
  existing: Set<string>; // `${eventId}|${ruleId}`
  monthCounts: Map<string, number>; // `${ruleId}|${partnerId}|${YYYY-MM}`
  earned: Map<string, bigint>; // `${customerId}|${ruleId}`, net, void excluded
  latestEarning: Map<string, { id: string; percentBps: number | null }>;
  /** `${referralId}|${eventType}|${ruleId}`: a lead/close event of that referral already earned under the rule. */
  referralPaid: Set<string>;
  fx: FxBook;
};

const key = (...parts: string[]) => parts.join("|");

/** Loads the ledger state for `events` under `rules` in a handful of queries. */
export async function loadLedgerState(tx: TenantTx | TenantDb, events: BatchEvent[], rules: LoadedRule[]): Promise<LedgerState> {
  const uniq = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  const partnerIds = uniq(events.map((e) => e.partnerId));
  const customerIds = uniq(events.map((e) => e.customerId));
  const referralIds = uniq(events.map((e) => e.referralId));
  const refundCustomerIds = uniq(events.filter((e) => e.type === "refund").map((e) => e.customerId));
  const ruleIds = rules.map((r) => r.id);
  const months = uniq(events.map((e) => monthKey(e.occurredAt)));

  const onceReferralIds = uniq(events.filter((e) => e.type === "lead" || e.type === "close").map((e) => e.referralId));
  const [partners, customers, referrals, existing, earned, latest, siblings] = await Promise.all([
    tx.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, market: true } }),
    tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, firstSeenAt: true } }),
    tx.referral.findMany({ where: { id: { in: referralIds } }, select: { id: true, closedAt: true } }),
    tx.commission.findMany({ where: { eventId: { in: events.map((e) => e.id) } }, select: { eventId: true, ruleId: true } }),
    tx.commission.groupBy({
      by: ["customerId", "ruleId"],
      where: { customerId: { in: customerIds }, ruleId: { in: ruleIds }, status: { not: "void" } },
      _sum: { amountMinor: true },
    }),
    // The latest earning per customer and rule matters only to refunds (percent and reversesId).
    tx.commission.findMany({
      where: { customerId: { in: refundCustomerIds }, ruleId: { in: ruleIds }, kind: "earning", status: { not: "void" } },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { id: true, customerId: true, ruleId: true, explanation: true },
    }),
    // Lead/close events of the same referrals (pipeline and API): bounties and deal shares pay once per referral.
    tx.conversionEvent.findMany({
      where: { referralId: { in: onceReferralIds }, type: { in: ["lead", "close"] } },
      select: { id: true, referralId: true, type: true },
    }),
  ]);
  const siblingById = new Map(siblings.map((e) => [e.id, e]));
  const siblingPaid = siblings.length === 0 ? [] : await tx.commission.findMany({
    where: { eventId: { in: siblings.map((e) => e.id) }, ruleId: { in: ruleIds }, kind: "earning", status: { not: "void" } },
    select: { eventId: true, ruleId: true },
  });
  const referralPaid = new Set<string>();
  for (const c of siblingPaid) {
    const e = siblingById.get(c.eventId ?? "");
    if (e?.referralId && c.ruleId) referralPaid.add(key(e.referralId, e.type, c.ruleId));
  }
  const monthCounts = new Map<string, number>();
  for (const month of months) {
    const start = new Date(`${month}-01T00:00:00Z`);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const counts = await tx.commission.groupBy({
      by: ["ruleId", "partnerId"],
      where: { kind: "earning", status: { not: "void" }, ruleId: { in: ruleIds }, partnerId: { in: partnerIds }, occurredAt: { gte: start, lt: end } },
      _count: { _all: true },
    });
    for (const c of counts) if (c.ruleId) monthCounts.set(key(c.ruleId, c.partnerId, month), c._count._all);
  }

  const firstSeen = new Map(customers.map((c) => [c.id, c.firstSeenAt]));
  const closedAt = new Map(referrals.filter((r) => r.closedAt).map((r) => [r.id, r.closedAt as Date]));
  const lifeStart = new Map<string, Date>();
  for (const e of events) {
    const known = [e.customerId ? firstSeen.get(e.customerId) : undefined, e.referralId ? closedAt.get(e.referralId) : undefined]
      .filter((d): d is Date => !!d);
    if (known.length) lifeStart.set(e.id, new Date(Math.min(...known.map((d) => d.getTime()))));
  }
  const latestEarning = new Map<string, { id: string; percentBps: number | null }>();
  for (const row of latest) {
    const k = key(row.customerId ?? "", row.ruleId ?? "");
    if (!latestEarning.has(k)) latestEarning.set(k, { id: row.id, percentBps: (row.explanation as Partial<Explanation> | null)?.percentBps ?? null });
  }
  const times = events.map((e) => e.occurredAt.getTime());
  const fx = await loadFxBook(
    tx, uniq(events.map((e) => e.currency)), uniq(rules.map((r) => r.currency)),
    new Date(Math.min(...times)), new Date(Math.max(...times)),
  );
  return {
    partnerMarket: new Map(partners.map((p) => [p.id, p.market])),
    lifeStart,
    existing: new Set(existing.map((c) => key(c.eventId ?? "", c.ruleId ?? ""))),
    monthCounts,
    earned: new Map(earned.map((g) => [key(g.customerId ?? "", g.ruleId ?? ""), g._sum.amountMinor ?? 0n])),
    latestEarning,
    referralPaid,
    fx,
  };
}

export type Decision =
  | { rule: LoadedRule; result: ComputeResult; kind: CommissionKind; reversesId: string | null }
  | { rule: LoadedRule; waitingForFx: true; pair: string; day: string };

/**
 * What `event` earns (or claws back) under each of `rules` given `state`. Pure over the state: the
 * job applies the decisions to the state as it goes (see `applyDecision`), the preview does not.
 */
export function decideEvent(event: BatchEvent, rules: LoadedRule[], state: LedgerState): Decision[] {
  const decisions: Decision[] = [];
  for (const rule of rules) {
    const money = event.amountMinor !== null && event.currency ? { amount: event.amountMinor, currency: event.currency } : null;
    const base = money ? state.fx.convert(money.amount, money.currency, rule.currency, event.occurredAt) : null;
    if (money && !base && (event.type === "revenue" || event.type === "refund" || rule.compute.basis === "deal_share")) {
      decisions.push({ rule, waitingForFx: true, pair: `${money.currency}/${rule.currency}`, day: event.occurredAt.toISOString().slice(0, 10) });
      continue;
    }
    const computeEvent = { ...event, pipeline: isPipelineEvent(event) };
    const customerKey = event.customerId ? key(event.customerId, rule.id) : null;
    if (event.type === "refund") {
      const latest = customerKey ? state.latestEarning.get(customerKey) : undefined;
      const result = computeClawback({
        rule: rule.compute, event: computeEvent, base,
        percentBps: latest?.percentBps ?? null,
        netEarnedMinor: customerKey ? (state.earned.get(customerKey) ?? 0n) : 0n,
      });
      decisions.push({ rule, result, kind: "clawback", reversesId: latest?.id ?? null });
      continue;
    }
    const result = computeEarning({
      rule: rule.compute, event: computeEvent, base,
      lifeStart: state.lifeStart.get(event.id) ?? null,
      monthCount: state.monthCounts.get(key(rule.id, event.partnerId ?? "", monthKey(event.occurredAt))) ?? 0,
      earnedMinor: customerKey ? (state.earned.get(customerKey) ?? 0n) : null,
      referralPaid: !!event.referralId && state.referralPaid.has(key(event.referralId, event.type, rule.id)),
    });
    decisions.push({ rule, result, kind: "earning", reversesId: null });
  }
  return decisions;
}

function applyDecision(state: LedgerState, event: BatchEvent, d: Decision, id: string) {
  if ("waitingForFx" in d || "skip" in d.result) return;
  const amount = d.result.amountMinor;
  if (event.customerId) {
    const k = key(event.customerId, d.rule.id);
    state.earned.set(k, (state.earned.get(k) ?? 0n) + amount);
    if (d.kind === "earning") state.latestEarning.set(k, { id, percentBps: d.result.explanation.percentBps });
  }
  if (d.kind === "earning" && event.referralId && oncePerReferral(d.rule.compute.basis)) {
    state.referralPaid.add(key(event.referralId, event.type, d.rule.id));
  }
  if (d.kind === "earning") {
    const m = key(d.rule.id, event.partnerId ?? "", monthKey(event.occurredAt));
    state.monthCounts.set(m, (state.monthCounts.get(m) ?? 0) + 1);
  }
}

/** The ledger row for a decision that earns (or claws back) money. */
export function commissionRow(event: BatchEvent, d: Extract<Decision, { kind: CommissionKind }>, amountMinor: bigint, explanation: Explanation): NewCommission {
  const fx = explanation.fx;
  return {
    partnerId: event.partnerId!, programId: event.programId, ruleId: d.rule.id, eventId: event.id, customerId: event.customerId,
    reversesId: d.reversesId, kind: d.kind, amountMinor, currency: d.rule.currency,
    baseAmountMinor: event.amountMinor, baseCurrency: event.currency,
    fxRate: fx?.rate ?? null, fxRateDay: fx ? new Date(`${fx.rateDay}T00:00:00Z`) : null, fxSource: fx?.source ?? null,
    explanation, occurredAt: event.occurredAt,
    // Clawbacks are due at once so they net against the partner's next payout.
    dueAt: d.kind === "clawback" ? event.occurredAt : dueAt(event.occurredAt, d.rule.compute.holdDays),
  };
}

/** The group of each event's partner when it happened (partner groups, lib/groups/membership.ts). */
export function loadEventGroups(db: TenantTx | TenantDb, events: BatchEvent[]): Promise<GroupAt> {
  return loadGroupAt(db, events.flatMap((e) => (e.partnerId && e.programId ? [{ partnerId: e.partnerId, programId: e.programId }] : [])));
}

export function groupOf(groupAt: GroupAt, event: BatchEvent): GroupTerms | null {
  return event.partnerId && event.programId ? groupAt(event.partnerId, event.programId, event.occurredAt) : null;
}

/**
 * The rules an event earns (or claws back) under: `rulesForEvent` for the partner's group at the
 * event's time; a refund also claws back under every revenue-share rule of the program that earned
 * on the customer, so a partner who changed groups since the sale still loses what the sale paid.
 */
export function eventRules(rules: LoadedRule[], event: BatchEvent, market: string, group: GroupTerms | null, state: LedgerState): LoadedRule[] {
  const chosen = rulesForEvent(rules, event, market, group);
  if (event.type !== "refund" || !event.customerId) return chosen;
  const ids = new Set(chosen.map((r) => r.id));
  const earnedUnder = rules.filter((r) => !ids.has(r.id) && r.programId === event.programId && r.compute.basis === "revenue_share"
    && (state.earned.get(key(event.customerId!, r.id)) ?? 0n) !== 0n);
  return [...chosen, ...earnedUnder];
}

async function processBatch(tx: TenantTx, actor: JobActor, ids: string[]) {
  const rows = await tx.conversionEvent.findMany({ where: { id: { in: ids } }, select: EVENT_SELECT });
  const byId = new Map<string, BatchEvent>(rows.map((r) => [r.id, r]));
  const events = ids.map((id) => byId.get(id)).filter((e): e is BatchEvent => !!e);
  const rules = await loadActiveRules(tx, [...new Set(events.map((e) => e.programId!))]);
  const state = await loadLedgerState(tx, events, rules);
  const groupAt = await loadEventGroups(tx, events);

  const out: NewCommission[] = [];
  let skipped = 0;
  let waitingForFx = 0;
  for (const event of events) {
    const market = state.partnerMarket.get(event.partnerId ?? "");
    if (!market) continue;
    const open = eventRules(rules, event, market, groupOf(groupAt, event), state).filter((r) => !state.existing.has(key(event.id, r.id)));
    for (const d of decideEvent(event, open, state)) {
      if ("waitingForFx" in d) { waitingForFx++; continue; }
      if ("skip" in d.result) { skipped++; continue; }
      const row = commissionRow(event, d, d.result.amountMinor, d.result.explanation);
      // A provisional id lets a clawback later in the same batch point at this earning.
      const provisional = `pending:${event.id}:${d.rule.id}`;
      applyDecision(state, event, d, provisional);
      out.push(row);
    }
  }
  // Earnings first, so a clawback of the same batch can point at its earning's real id.
  const earned = await insertCommissions(tx, actor, out.filter((r) => r.kind !== "clawback"));
  const clawedBack = await insertCommissions(tx, actor, await resolveReverses(tx, out.filter((r) => r.kind === "clawback")));
  // The risk rules run in this transaction, so a new commission is never visible unheld to a payout run.
  const riskHolds = await evaluateNewCommissions(tx, actor, earned);
  return { created: earned.length + clawedBack.length, skipped, waitingForFx, riskHolds };
}

/**
 * A clawback whose earning was computed in the same batch points at a provisional id; once the
 * earnings are inserted, the clawbacks get the real id.
 */
async function resolveReverses(tx: TenantTx, rows: NewCommission[]): Promise<NewCommission[]> {
  const provisional = rows.filter((r) => typeof r.reversesId === "string" && r.reversesId.startsWith("pending:"));
  if (provisional.length === 0) return rows;
  const wanted = provisional.map((r) => r.reversesId!.split(":"));
  const found = await tx.commission.findMany({
    where: { OR: wanted.map(([, eventId, ruleId]) => ({ eventId, ruleId })) },
    select: { id: true, eventId: true, ruleId: true },
  });
  const real = new Map(found.map((f) => [`pending:${f.eventId}:${f.ruleId}`, f.id]));
  return rows.map((r) => (typeof r.reversesId === "string" && r.reversesId.startsWith("pending:") ? { ...r, reversesId: real.get(r.reversesId) ?? null } : r));
}

const DIAGNOSE_LIMIT = 200;

/**
 * When a run created nothing: why, per rule — for the events the run was about (after an ingest or a
 * transition), else for the tenant's latest events. Reads only; the same engine as the job.
 */
export async function explainNothingCreated(db: TenantDb, tenantId: string, only: string[] | null): Promise<JobReason[]> {
  const events: BatchEvent[] = await db.conversionEvent.findMany({
    where: { tenantId, ...(only ? { id: { in: only } } : { programId: { not: null } }) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: DIAGNOSE_LIMIT,
    select: EVENT_SELECT,
  });
  if (events.length === 0) return [];
  const programIds = [...new Set(events.map((e) => e.programId).filter((p): p is string => !!p))];
  const rules = await loadActiveRules(db, programIds);
  const state = await loadLedgerState(db, events, rules);
  const groupAt = await loadEventGroups(db, events);
  const out = new Map<string, JobReason>();
  const add = (rule: LoadedRule | null, reason: string, values: Record<string, string> = {}) => {
    const k = key(rule?.id ?? "", reason, JSON.stringify(values));
    const row = out.get(k) ?? { ruleId: rule?.id ?? null, ruleName: rule?.compute.name ?? null, reason, values, count: 0 };
    row.count++;
    out.set(k, row);
  };
  for (const event of events) {
    const market = state.partnerMarket.get(event.partnerId ?? "");
    if (!market || !event.programId) { add(null, "no_partner"); continue; }
    const ofProgram = rules.filter((r) => r.programId === event.programId);
    if (ofProgram.length === 0) { add(null, "no_rules"); continue; }
    const ofMarket = ofProgram.filter((r) => r.market === null || r.market === market);
    if (ofMarket.length === 0) { add(null, "no_rule_for_market", { market }); continue; }
    // Rules for this kind of event but another partner market.
    for (const rule of ofProgram) {
      if (rule.market !== null && rule.market !== market && rulesForEvent([rule], event, rule.market).length) add(rule, "other_market", { market, ruleMarket: rule.market });
    }
    const matching = new Set(eventRules(ofMarket, event, market, groupOf(groupAt, event), state).map((r) => r.id));
    // Only when no rule pays on this kind of event at all: otherwise "not for this event" is noise.
    if (matching.size === 0) for (const rule of ofMarket) add(rule, "not_for_event");
    const open = ofMarket.filter((r) => matching.has(r.id) && !state.existing.has(key(event.id, r.id)));
    for (const d of decideEvent(event, open, state)) {
      if ("waitingForFx" in d) add(d.rule, "waiting_for_fx", { pair: d.pair, day: d.day });
      else if ("skip" in d.result) add(d.rule, d.result.skip === "basis_mismatch" ? "not_for_event" : d.result.skip);
    }
  }
  return [...out.values()];
}
