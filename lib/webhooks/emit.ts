// Be extremely careful: the one way a change becomes a webhook event. Call it INSIDE the transaction
// of the change (pass `tx`): the event row commits or rolls back with the change, so no event is lost
// and none is written twice for one change. The database trigger of "WebhookEvent" enqueues the
// fan-out job in that same transaction (migration 20261206182000_webhooks). A tenant with no enabled
// endpoint for the type writes nothing (one indexed read).
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { envelopeBody, newEventId, type WebhookEventType } from "./events";
import { commissionsData, customerData, enrolmentData, optInData, payoutData, referralData } from "./payloads";

type Db = TenantTx | TenantDb;

export type WebhookEmit =
  | { type: "referral.submitted"; referralId: string }
  | { type: "referral.status_changed"; referralId: string; from: string }
  | { type: "opt_in.received"; optInId: string }
  | { type: "customer.created"; customerId: string }
  | { type: "commission.created" | "commission.approved" | "commission.voided"; commissionIds: string[] }
  | { type: "payout.sent" | "payout.paid" | "payout.failed"; payoutId: string }
  | { type: "partner.enrolled"; partnerId: string; programId: string };

async function subscribed(db: Db, type: WebhookEventType): Promise<boolean> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { enabled: true, events: { has: type } }, select: { id: true } });
  return !!endpoint;
}

async function build(db: Db, e: WebhookEmit): Promise<{ tenantId: string; data: Record<string, unknown> }[]> {
  switch (e.type) {
    case "referral.submitted": {
      const r = await referralData(db, e.referralId);
      return r ? [{ tenantId: r.tenantId, data: { referral: r.data } }] : [];
    }
    case "referral.status_changed": {
      const r = await referralData(db, e.referralId);
      return r ? [{ tenantId: r.tenantId, data: { referral: r.data, previous_status: e.from } }] : [];
    }
    case "opt_in.received": {
      const o = await optInData(db, e.optInId);
      return o ? [{ tenantId: o.tenantId, data: { opt_in: o.data } }] : [];
    }
    case "customer.created": {
      const c = await customerData(db, e.customerId);
      return c ? [{ tenantId: c.tenantId, data: { customer: c.data } }] : [];
    }
    case "commission.created":
    case "commission.approved":
    case "commission.voided":
      return (await commissionsData(db, e.commissionIds)).map((c) => ({ tenantId: c.tenantId, data: { commission: c.data } }));
    case "payout.sent":
    case "payout.paid":
    case "payout.failed": {
      const p = await payoutData(db, e.payoutId);
      return p ? [{ tenantId: p.tenantId, data: { payout: p.data } }] : [];
    }
    case "partner.enrolled": {
      const x = await enrolmentData(db, e.partnerId, e.programId);
      return x ? [{ tenantId: x.tenantId, data: x.data }] : [];
    }
  }
}

/** Writes the event(s) of one change into the outbox. Returns the new event ids (none when nobody listens). */
export async function emitWebhook(db: Db, e: WebhookEmit): Promise<string[]> {
  if ("commissionIds" in e && e.commissionIds.length === 0) return [];
  if (!(await subscribed(db, e.type))) return [];
  const now = new Date();
  const rows = (await build(db, e)).map(({ tenantId, data }) => {
    const id = newEventId();
    return { id, tenantId, type: e.type, body: envelopeBody(id, e.type, now, data), createdAt: now };
  });
  if (rows.length) await db.webhookEvent.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** Commission moves as events: created, approved (not a claim, which stays approved) and voided. */
export function emitCommissionMove(db: Db, change: { from: string | null; to: string }, moved: { id: string }[]) {
  const type = change.from === change.to ? null
    : change.to === "approved" ? "commission.approved" as const
    : change.to === "void" ? "commission.voided" as const
    : null;
  return type ? emitWebhook(db, { type, commissionIds: moved.map((m) => m.id) }) : Promise.resolve([]);
}

/** Payout moves as events: sent, paid and failed (held, partial and cancelled are not events). */
export function emitPayoutMove(db: Db, payoutId: string, to: string) {
  const type = to === "sent" ? "payout.sent" as const : to === "paid" ? "payout.paid" as const : to === "failed" ? "payout.failed" as const : null;
  return type ? emitWebhook(db, { type, payoutId }) : Promise.resolve([]);
}
