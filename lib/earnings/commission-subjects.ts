// Who and what a partner's commission is for, in the partner's words: the client (the name they
// gave their referral, or the customer's name) and the deal (the referral's deal value, else the
// amount of the event that earned it). Ids never stand in for a name.
import type { PartnerContext } from "@/lib/auth/contexts/partner";

export type CommissionSubject = {
  client: string | null;
  deal: { amountMinor: bigint; currency: string; kind: "deal" | "payment" | "refund" } | null;
};

type Row = { id: string; eventId: string | null; customerId: string | null };

/** Labels for the partner's own commission rows (already filtered to ctx.partnerId by the caller). */
export async function commissionSubjects(ctx: PartnerContext, rows: Row[]): Promise<Map<string, CommissionSubject>> {
  const eventIds = [...new Set(rows.map((r) => r.eventId).filter((id): id is string => !!id))];
  const events = eventIds.length
    ? await ctx.db.conversionEvent.findMany({
        where: { id: { in: eventIds } },
        select: { id: true, type: true, amountMinor: true, currency: true, customerId: true, referralId: true },
      })
    : [];
  const customerIds = [...new Set([...rows.map((r) => r.customerId), ...events.map((e) => e.customerId)].filter((id): id is string => !!id))];
  const customers = customerIds.length
    ? await ctx.db.customer.findMany({ where: { id: { in: customerIds }, partnerId: ctx.partnerId }, select: { id: true, name: true, referralId: true } })
    : [];
  const referralIds = [...new Set([...events.map((e) => e.referralId), ...customers.map((c) => c.referralId)].filter((id): id is string => !!id))];
  // Only customers credited to this partner, and this partner's own referrals, lend a name and a deal
  // value: a mis-attributed row never shows another partner's client.
  const referrals = referralIds.length
    ? await ctx.db.referral.findMany({
        where: { id: { in: referralIds }, partnerId: ctx.partnerId },
        select: { id: true, subjectName: true, dealValueMinor: true, dealCurrency: true },
      })
    : [];
  const eventById = new Map(events.map((e) => [e.id, e]));
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const referralById = new Map(referrals.map((r) => [r.id, r]));

  const out = new Map<string, CommissionSubject>();
  for (const row of rows) {
    const event = row.eventId ? eventById.get(row.eventId) : undefined;
    const customer = customerById.get(row.customerId ?? event?.customerId ?? "");
    const referral = referralById.get(event?.referralId ?? customer?.referralId ?? "");
    const client = referral?.subjectName ?? customer?.name?.trim() ?? null;
    let deal: CommissionSubject["deal"] = null;
    if (referral?.dealValueMinor != null && referral.dealCurrency) {
      deal = { amountMinor: referral.dealValueMinor, currency: referral.dealCurrency, kind: "deal" };
    } else if (event?.amountMinor != null && event.currency && event.type !== "lead") {
      deal = { amountMinor: event.amountMinor, currency: event.currency, kind: event.type === "close" ? "deal" : event.type === "refund" ? "refund" : "payment" };
    }
    out.set(row.id, { client: client || null, deal });
  }
  return out;
}
