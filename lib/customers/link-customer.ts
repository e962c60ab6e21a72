import type { Customer } from "@/lib/db/generated/client";
import type { Market } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import { lockName } from "./locks";
import { emitWebhook } from "@/lib/webhooks/emit";

/** A new customer, with its "customer.created" webhook event written in the same transaction. */
async function withCreatedEvent(tx: TenantTx, customer: Customer): Promise<Customer> {
  await emitWebhook(tx, { type: "customer.created", customerId: customer.id });
  return customer;
}

/** Where a customer (or an event) came from: a referral, a partner's click, or nothing (direct). */
export type Attribution = {
  referralId: string | null;
  clickId: string | null;
  partnerId: string | null;
  programId: string;
  sourceMarket: Market;
  targetMarket: Market;
};

const attributionFields = (a: Attribution) => ({
  source: "referral" as const,
  partnerId: a.partnerId, programId: a.programId, clickId: a.clickId, sourceMarket: a.sourceMarket, targetMarket: a.targetMarket,
});

/** The referral id a customer may take: null when another customer already holds it (the column is unique). */
async function freeReferralId(tx: TenantTx, referralId: string | null, customerId?: string): Promise<string | null> {
  if (!referralId) return null;
  const holder = await tx.customer.findFirst({ where: { referralId }, select: { id: true } });
  return !holder || holder.id === customerId ? referralId : null;
}

/**
 * The customer a won referral makes: the one already linked to the referral (an API event may
 * have named it first), else a new one with source `referral`, named after the subject, first
 * seen when the deal closed. Runs inside the transition's transaction.
 */
export async function customerForWonReferral(
  tx: TenantTx,
  tenantId: string,
  referral: { id: string; subjectName: string; partnerId: string | null; programId: string; clickId: string | null; sourceMarket: Market; targetMarket: Market },
  closedAt: Date,
): Promise<Customer> {
  await lockName(tx, tenantId, `customer-ref:${referral.id}`);
  const existing = await tx.customer.findFirst({ where: { referralId: referral.id } });
  if (existing) {
    return tx.customer.update({
      where: { id: existing.id },
      data: { name: existing.name ?? referral.subjectName, ...(closedAt < existing.firstSeenAt ? { firstSeenAt: closedAt } : {}) },
    });
  }
  return withCreatedEvent(tx, await tx.customer.create({
    data: {
      tenantId, name: referral.subjectName, referralId: referral.id, firstSeenAt: closedAt,
      ...attributionFields({ ...referral, referralId: referral.id }),
    },
  }));
}

export type EventCustomerInput = {
  externalId: string | null;
  name: string | null;
  occurredAt: Date;
  attribution: Attribution | null;
  /** Lead events link to a customer that exists but never create one: a lead is not yet a customer. */
  mayCreate: boolean;
};

/**
 * The customer an event belongs to, found by external id (or, for an event naming a referral,
 * the customer that referral's win created) or created. Rules:
 * - a new customer is first seen at this event; an earlier event arriving later moves firstSeenAt back;
 * - a direct customer named by an attributed event becomes a referral customer (its first
 *   attribution wins; a referral customer is never re-attributed by a later event);
 * - the customer a won referral created, still without an external id, takes this event's.
 */
export async function customerForEvent(tx: TenantTx, tenantId: string, input: EventCustomerInput): Promise<Customer | null> {
  const { externalId, attribution } = input;
  if (externalId) await lockName(tx, tenantId, `customer-ext:${externalId}`);
  if (attribution?.referralId) await lockName(tx, tenantId, `customer-ref:${attribution.referralId}`);

  let customer = externalId ? await tx.customer.findFirst({ where: { externalId } }) : null;
  if (!customer && attribution?.referralId) {
    const ofReferral = await tx.customer.findFirst({ where: { referralId: attribution.referralId } });
    if (ofReferral && (ofReferral.externalId === null || !externalId)) {
      customer = externalId ? await tx.customer.update({ where: { id: ofReferral.id }, data: { externalId } }) : ofReferral;
    }
  }
  if (!customer) {
    if (!externalId || !input.mayCreate) return null;
    return withCreatedEvent(tx, await tx.customer.create({
      data: {
        tenantId, externalId, name: input.name, firstSeenAt: input.occurredAt,
        ...(attribution ? { ...attributionFields(attribution), referralId: await freeReferralId(tx, attribution.referralId) } : { source: "direct" as const }),
      },
    }));
  }

  const upgrade = customer.source === "direct" && attribution;
  const changes = {
    ...(input.occurredAt < customer.firstSeenAt ? { firstSeenAt: input.occurredAt } : {}),
    ...(customer.name === null && input.name ? { name: input.name } : {}),
    ...(upgrade ? { ...attributionFields(attribution), referralId: await freeReferralId(tx, attribution.referralId, customer.id) } : {}),
  };
  return Object.keys(changes).length ? tx.customer.update({ where: { id: customer.id }, data: changes }) : customer;
}
