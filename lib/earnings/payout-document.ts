// One payout as a statement the partner can print: what was paid, how, and which commissions it
// carried with their original amounts and the conversion applied. Another partner's payout (or
// another tenant's) is answered as not found.
import type { PartnerContext } from "@/lib/auth/contexts/partner";

export async function partnerPayoutDocument(ctx: PartnerContext, payoutId: string) {
  const payout = await ctx.db.payout.findFirst({
    where: { id: payoutId, partnerId: ctx.partnerId },
    select: {
      id: true, createdAt: true, sentAt: true, paidAt: true, amountMinor: true, currency: true, rail: true, status: true,
      reference: true, externalId: true, receiptRef: true, receivedAmountMinor: true, failureReason: true,
      run: { select: { number: true } },
      items: {
        orderBy: [{ commission: { occurredAt: "asc" } }, { id: "asc" }],
        select: {
          id: true, commissionId: true, amountMinor: true, currency: true, payoutMinor: true, fxRate: true, fxRateDay: true, fxSource: true,
          commission: { select: { kind: true, occurredAt: true, reason: true, explanation: true, rule: { select: { name: true } } } },
        },
      },
    },
  });
  if (!payout) return null;
  const [partner, taxProfile] = await Promise.all([
    ctx.db.partner.findFirst({ where: { id: ctx.partnerId }, select: { name: true, email: true } }),
    ctx.db.taxProfile.findFirst({ where: { partnerId: ctx.partnerId }, select: { form: true } }),
  ]);
  const itemsTotalMinor = payout.items.reduce((sum, item) => sum + item.payoutMinor, 0n);
  const receiptAllowed = taxProfile?.form === "ru_self_employed" && payout.status === "paid" && payout.currency === "RUB";
  return {
    ...payout,
    items: payout.items.map((item) => ({
      ...item,
      fxRate: item.fxRate?.toString() ?? null,
      ruleName: item.commission.rule?.name ?? (item.commission.explanation as { rule?: { name?: string } } | null)?.rule?.name ?? null,
    })),
    itemsTotalMinor,
    partner: { name: partner?.name ?? ctx.partnerName, email: partner?.email ?? "" },
    tenantName: ctx.tenantName,
    receiptAllowed,
  };
}

export type PartnerPayoutDocument = NonNullable<Awaited<ReturnType<typeof partnerPayoutDocument>>>;
