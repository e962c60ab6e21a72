// A partner's balances per currency, summed from their own Commission rows (never stored). Clawbacks
// are negative rows inside these sums; `clawedBackMinor` shows how much of it was clawed back.
import type { PartnerContext } from "@/lib/auth/contexts/partner";

export type PartnerBalance = {
  currency: string;
  /** Waiting out the hold or staff approval, or approved but under risk review («на проверке»). */
  pendingMinor: bigint;
  /** Approved, not yet in a payout and not under risk review: goes out with the next run. */
  approvedMinor: bigint;
  /** Approved and claimed by a payout that has not been paid yet. */
  inPayoutMinor: bigint;
  paidMinor: bigint;
  /** Sum of the (negative) clawback rows that still count. */
  clawedBackMinor: bigint;
};

export async function partnerBalances(ctx: PartnerContext): Promise<PartnerBalance[]> {
  const partnerId = ctx.partnerId;
  const [byStatus, claimed, underReview, clawbacks] = await Promise.all([
    ctx.db.commission.groupBy({ by: ["currency", "status"], where: { partnerId }, _sum: { amountMinor: true } }),
    ctx.db.commission.groupBy({ by: ["currency"], where: { partnerId, status: "approved", payoutId: { not: null } }, _sum: { amountMinor: true } }),
    ctx.db.commission.groupBy({ by: ["currency"], where: { partnerId, status: "approved", payoutId: null, riskCaseId: { not: null } }, _sum: { amountMinor: true } }),
    ctx.db.commission.groupBy({ by: ["currency"], where: { partnerId, kind: "clawback", status: { not: "void" } }, _sum: { amountMinor: true } }),
  ]);
  const balances = new Map<string, PartnerBalance>();
  const row = (currency: string) => {
    let b = balances.get(currency);
    if (!b) balances.set(currency, (b = { currency, pendingMinor: 0n, approvedMinor: 0n, inPayoutMinor: 0n, paidMinor: 0n, clawedBackMinor: 0n }));
    return b;
  };
  for (const g of byStatus) {
    const sum = g._sum.amountMinor ?? 0n;
    if (g.status === "pending") row(g.currency).pendingMinor += sum;
    if (g.status === "approved") row(g.currency).approvedMinor += sum;
    if (g.status === "paid") row(g.currency).paidMinor += sum;
  }
  for (const g of claimed) {
    const b = row(g.currency);
    b.inPayoutMinor = g._sum.amountMinor ?? 0n;
    b.approvedMinor -= b.inPayoutMinor;
  }
  for (const g of underReview) {
    const b = row(g.currency);
    const sum = g._sum.amountMinor ?? 0n;
    b.approvedMinor -= sum;
    b.pendingMinor += sum;
  }
  for (const g of clawbacks) row(g.currency).clawedBackMinor = g._sum.amountMinor ?? 0n;
  // Currencies with only voided rows have nothing to show.
  return [...balances.values()]
    .filter((b) => b.pendingMinor || b.approvedMinor || b.inPayoutMinor || b.paidMinor || b.clawedBackMinor)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
