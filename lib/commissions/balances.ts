// Balances are never stored: they are sums of Commission rows, grouped here. Used by the staff
// commissions page and the partner portal's earnings page (with `partnerId` = the partner's own id).
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

/**
 * One partner's money in one currency, by ledger state (all in minor units of `currency`, signed:
 * clawbacks and negative adjustments reduce them):
 * - pendingMinor: status pending (waiting out the hold or staff approval), plus approved rows under
 *   risk review (lib/risk: a payout run never takes them until staff clear the case);
 * - approvedMinor: approved, NOT claimed by a payout and not under risk review (what the next payout
 *   run pays);
 * - inPayoutMinor: approved and claimed by a payout that has not been paid yet;
 * - paidMinor: status paid;
 * - voidMinor: status void (shown for completeness; never payable).
 * `count` is the number of rows behind the figures (all states).
 */
export type LedgerBalance = {
  partnerId: string;
  currency: string;
  pendingMinor: bigint;
  approvedMinor: bigint;
  inPayoutMinor: bigint;
  paidMinor: bigint;
  voidMinor: bigint;
  count: number;
};

/**
 * Balances per partner and currency from the ledger of the db's tenant, sorted by partner then
 * currency. Pass `partnerId` for one partner (the portal must always pass its own partner's id).
 */
export async function ledgerBalances(db: TenantDb | TenantTx, options: { partnerId?: string } = {}): Promise<LedgerBalance[]> {
  const where = options.partnerId ? { partnerId: options.partnerId } : {};
  const [byStatus, claimed, underReview] = await Promise.all([
    db.commission.groupBy({ by: ["partnerId", "currency", "status"], where, _sum: { amountMinor: true }, _count: { _all: true } }),
    db.commission.groupBy({ by: ["partnerId", "currency"], where: { ...where, status: "approved", payoutId: { not: null } }, _sum: { amountMinor: true } }),
    // A held row is never claimed (the claim skips held rows), so these two sets do not overlap.
    db.commission.groupBy({ by: ["partnerId", "currency"], where: { ...where, status: "approved", payoutId: null, riskCaseId: { not: null } }, _sum: { amountMinor: true } }),
  ]);
  const balances = new Map<string, LedgerBalance>();
  const slot = (partnerId: string, currency: string) => {
    const k = `${partnerId}|${currency}`;
    let b = balances.get(k);
    if (!b) {
      b = { partnerId, currency, pendingMinor: 0n, approvedMinor: 0n, inPayoutMinor: 0n, paidMinor: 0n, voidMinor: 0n, count: 0 };
      balances.set(k, b);
    }
    return b;
  };
  for (const g of byStatus) {
    const b = slot(g.partnerId, g.currency);
    const sum = g._sum.amountMinor ?? 0n;
    b.count += g._count._all;
    if (g.status === "pending") b.pendingMinor += sum;
    else if (g.status === "approved") b.approvedMinor += sum;
    else if (g.status === "paid") b.paidMinor += sum;
    else b.voidMinor += sum;
  }
  for (const g of claimed) {
    const b = slot(g.partnerId, g.currency);
    const sum = g._sum.amountMinor ?? 0n;
    b.approvedMinor -= sum;
    b.inPayoutMinor += sum;
  }
  for (const g of underReview) {
    const b = slot(g.partnerId, g.currency);
    const sum = g._sum.amountMinor ?? 0n;
    b.approvedMinor -= sum;
    b.pendingMinor += sum;
  }
  return [...balances.values()].sort((a, b) => a.partnerId.localeCompare(b.partnerId) || a.currency.localeCompare(b.currency));
}
