import type { ConversionEvent } from "@/lib/db/generated/client";
import type { TenantDb } from "@/lib/db/tenant-client";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { creditCommissionsAfterIngest } from "@/lib/commissions/after-ingest";
import { convertToReporting, type ConvertResult } from "@/lib/fx/convert";
import { customerForEvent, type Attribution } from "@/lib/customers/link-customer";
import { lockName } from "@/lib/customers/locks";
import { attributeEvent, type EventAttribution } from "./attribute-event";
import { IdempotencyConflictError } from "./errors";
import { type EventInput } from "./event-schema";
import { payloadHash } from "./payload-hash";

export { eventInputSchema, type EventInput } from "./event-schema";

export type IngestScope = { tenantId: string; reportingCurrency: string; db: TenantDb };
export type IngestMeta = { source: "api" | "csv" | "system"; apiKeyId?: string };
export type IngestResult = { event: ConversionEvent; duplicate: boolean };

const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;

function replayOrConflict(existing: ConversionEvent, hash: string): IngestResult {
  if (existing.payloadHash !== hash) throw new IdempotencyConflictError(existing.id);
  return { event: existing, duplicate: true };
}

/**
 * Records one conversion event, exactly once per (tenant, idempotency key):
 * - a replay with the same normalized payload returns the stored event (`duplicate: true`);
 * - the same key with a different payload throws `apikeys.idempotency_conflict`;
 * - concurrent identical requests serialise on an advisory lock of the key and store one row.
 * Attribution (referral → click → the customer's own → promo code → direct), the customer (found, linked or created) and the
 * reporting-currency amount (rate of the event's UTC day, or null when no rate exists) are
 * settled here. Used by the API, the CSV import and the app itself.
 */
export async function ingestEvent(scope: IngestScope, input: EventInput, meta: IngestMeta): Promise<IngestResult> {
  const { db, tenantId } = scope;
  const hash = payloadHash(input);
  const key = input.idempotency_key;

  // Fast path for replays: no attribution, FX or locks.
  const seen = await db.conversionEvent.findFirst({ where: { idempotencyKey: key } });
  if (seen) return replayOrConflict(seen, hash);

  const attribution = await attributeEvent(db, tenantId, input);
  const money = input.amount_minor !== undefined && input.currency
    ? { amountMinor: input.amount_minor, currency: input.currency }
    : null;
  const fx = money
    ? await convertToReporting(db, { ...money, reportingCurrency: scope.reportingCurrency, day: input.occurred_at })
    : null;

  try {
    const result = await insertEvent(scope, input, meta, { hash, attribution, money, fx });
    if (!result.duplicate) await creditCommissionsAfterIngest(scope, result.event); // never throws
    return result;
  } catch (error) {
    // Belt and braces: the advisory lock makes this unreachable between callers of ingestEvent.
    if (!isUniqueViolation(error)) throw error;
    const stored = await db.conversionEvent.findFirst({ where: { idempotencyKey: key } });
    if (!stored) throw error;
    return replayOrConflict(stored, hash);
  }
}

/** The customer's attribution is the one this promo code gives (it made the customer, now or earlier). */
function sameCredit(a: Attribution, promo: Attribution): boolean {
  return a.referralId === null && a.clickId === null && a.partnerId === promo.partnerId && a.programId === promo.programId
    && a.sourceMarket === promo.sourceMarket && a.targetMarket === promo.targetMarket;
}

type Settled = {
  hash: string;
  attribution: EventAttribution;
  money: { amountMinor: bigint; currency: string } | null;
  fx: ConvertResult | null;
};

/** The write: lock the key, re-check, settle the customer, store the event — one transaction. */
function insertEvent({ db, tenantId, reportingCurrency }: IngestScope, input: EventInput, meta: IngestMeta, { hash, attribution, money, fx }: Settled) {
  const key = input.idempotency_key;
  return db.$transaction(async (tx): Promise<IngestResult> => {
    await lockName(tx, tenantId, `event:${key}`);
    const raced = await tx.conversionEvent.findFirst({ where: { idempotencyKey: key } });
    if (raced) return replayOrConflict(raced, hash);

    const { explicit, promo } = attribution;
    // A promo code attributes a new or direct customer like a click would (the first attribution wins).
    const customer = await customerForEvent(tx, tenantId, {
      externalId: input.customer_external_id ?? null,
      name: input.customer_name ?? null,
      occurredAt: input.occurred_at,
      attribution: explicit ?? promo,
      mayCreate: input.type !== "lead",
    });
    // An event that names no partner still credits the partner its customer came through; only then a promo code.
    const ofCustomer: Attribution | null = customer?.source === "referral" && customer.programId && customer.sourceMarket && customer.targetMarket
      ? { referralId: customer.referralId, clickId: customer.clickId, partnerId: customer.partnerId, programId: customer.programId, sourceMarket: customer.sourceMarket, targetMarket: customer.targetMarket }
      : null;
    const byPromo = !explicit && promo !== null && (ofCustomer === null || sameCredit(ofCustomer, promo));
    const credit: Attribution | null = explicit ?? (byPromo ? promo : ofCustomer);

    const event = await tx.conversionEvent.create({
      data: {
        tenantId, type: input.type, source: meta.source, idempotencyKey: key, payloadHash: hash,
        occurredAt: input.occurred_at,
        amountMinor: money?.amountMinor ?? null,
        currency: money?.currency ?? null,
        ...(money && fx?.ok ? { reportingAmountMinor: fx.minor, reportingCurrency, fxRate: fx.rate, fxRateDay: fx.rateDay } : {}),
        customerId: customer?.id ?? null,
        externalCustomerId: input.customer_external_id ?? null,
        referralId: credit?.referralId ?? null,
        clickId: credit?.clickId ?? null,
        partnerId: credit?.partnerId ?? null,
        programId: credit?.programId ?? null,
        sourceMarket: credit?.sourceMarket ?? null,
        targetMarket: credit?.targetMarket ?? null,
        apiKeyId: meta.apiKeyId ?? null,
        promoCodeId: byPromo ? promo.promoCodeId : null,
      },
    });
    return { event, duplicate: false };
  }, TX_OPTIONS);
}
