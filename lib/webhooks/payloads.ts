// The `data` of each event type (docs/webhooks.md lists them): snake_case, ids as strings, money as
// integer minor units with its currency, times in ISO 8601 UTC. Built from the rows as they are at
// the moment of the change, inside its transaction. Fields are only ever added within an api_version.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

type Db = TenantTx | TenantDb;
type Data = Record<string, unknown>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const minor = (v: bigint | null | undefined) => (v === null || v === undefined ? null : Number(v));

export async function referralData(db: Db, referralId: string): Promise<{ tenantId: string; data: Data } | null> {
  const r = await db.referral.findFirst({ where: { id: referralId } });
  if (!r) return null;
  return {
    tenantId: r.tenantId,
    data: {
      id: r.id, kind: r.kind, mechanic: r.mechanic, status: r.status, subject_name: r.subjectName,
      source_market: r.sourceMarket, target_market: r.targetMarket, country: r.country, website: r.website,
      contact_name: r.contactName, contact_channel: r.contactChannel, contact_value: r.contactValue,
      program_id: r.programId, partner_id: r.partnerId, opportunity_id: r.opportunityId,
      reject_reason: r.rejectReason, lost_reason: r.lostReason, duplicate_of_id: r.duplicateOfId,
      deal_value_minor: minor(r.dealValueMinor), deal_currency: r.dealCurrency,
      submitted_at: iso(r.submittedAt), qualified_at: iso(r.qualifiedAt), closed_at: iso(r.closedAt),
    },
  };
}

export async function optInData(db: Db, optInId: string) {
  const o = await db.optIn.findFirst({ where: { id: optInId } });
  if (!o) return null;
  return {
    tenantId: o.tenantId,
    data: {
      id: o.id, opportunity_id: o.opportunityId, partner_id: o.partnerId, kind: o.kind, name: o.name, market: o.market,
      country: o.country, website: o.website, contact_name: o.contactName, contact_email: o.contactEmail, pitch: o.pitch,
      locale: o.locale, status: o.status, consented_at: iso(o.consentedAt), created_at: iso(o.createdAt),
    },
  };
}

export async function customerData(db: Db, customerId: string) {
  const c = await db.customer.findFirst({ where: { id: customerId } });
  if (!c) return null;
  return {
    tenantId: c.tenantId,
    data: {
      id: c.id, external_id: c.externalId, name: c.name, source: c.source, referral_id: c.referralId, partner_id: c.partnerId,
      program_id: c.programId, source_market: c.sourceMarket, target_market: c.targetMarket, first_seen_at: iso(c.firstSeenAt),
    },
  };
}

export async function commissionsData(db: Db, ids: string[]) {
  const rows = await db.commission.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  return rows.map((c) => ({
    tenantId: c.tenantId,
    data: {
      id: c.id, partner_id: c.partnerId, program_id: c.programId, customer_id: c.customerId, kind: c.kind, status: c.status,
      amount_minor: minor(c.amountMinor), currency: c.currency, reason: c.reason, occurred_at: iso(c.occurredAt), due_at: iso(c.dueAt),
      approved_at: iso(c.approvedAt), voided_at: iso(c.voidedAt), payout_id: c.payoutId,
    },
  }));
}

export async function payoutData(db: Db, payoutId: string) {
  const p = await db.payout.findFirst({ where: { id: payoutId } });
  if (!p) return null;
  return {
    tenantId: p.tenantId,
    data: {
      id: p.id, run_id: p.runId, partner_id: p.partnerId, rail: p.rail, status: p.status, amount_minor: minor(p.amountMinor),
      currency: p.currency, reference: p.reference, received_amount_minor: minor(p.receivedAmountMinor),
      failure_reason: p.failureReason, sent_at: iso(p.sentAt), paid_at: iso(p.paidAt),
    },
  };
}

export async function enrolmentData(db: Db, partnerId: string, programId: string) {
  const [partner, program] = await Promise.all([
    db.partner.findFirst({ where: { id: partnerId } }),
    db.program.findFirst({ where: { id: programId }, select: { id: true, name: true } }),
  ]);
  if (!partner || !program) return null;
  return {
    tenantId: partner.tenantId,
    data: {
      partner: { id: partner.id, name: partner.name, email: partner.email, market: partner.market, country: partner.country, status: partner.status, locale: partner.preferredLocale },
      program: { id: program.id, name: program.name },
    },
  };
}
