// The portal home's money: balance per currency, what is on its way, when the next commission
// becomes payable, and the latest commissions by client and deal. Payouts have no schedule in
// Twoway — the agency runs them — so "next payout" is a payout already in a run, or else the
// approved balance waiting for the agency's next run (with the last payout for reference).
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { partnerBalances, type PartnerBalance } from "./balances";
import { partnerCommissions, type PartnerCommission } from "./partner-earnings";

const HOME_COMMISSIONS = 5;
const OPEN_PAYOUT = ["held", "ready", "processing", "sent"] as const;

export type PortalHomeMoney = {
  balances: PartnerBalance[];
  /** Payouts created in a run and not yet received, oldest first. */
  onTheWay: { id: string; amountMinor: bigint; currency: string; status: (typeof OPEN_PAYOUT)[number]; since: Date }[];
  lastPaid: { id: string; amountMinor: bigint; currency: string; paidAt: Date } | null;
  /** The earliest date, after now, a pending commission becomes payable (its hold ends). */
  nextPayableAt: Date | null;
  commissions: PartnerCommission[];
  commissionTotal: number;
};

export async function portalHomeMoney(ctx: PartnerContext, now: Date = new Date()): Promise<PortalHomeMoney> {
  const partnerId = ctx.partnerId;
  const [balances, open, lastPaid, nextPending, latest] = await Promise.all([
    partnerBalances(ctx),
    ctx.db.payout.findMany({
      where: { partnerId, status: { in: [...OPEN_PAYOUT] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, amountMinor: true, currency: true, status: true, createdAt: true },
    }),
    ctx.db.payout.findFirst({
      where: { partnerId, status: "paid", paidAt: { not: null } },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      select: { id: true, amountMinor: true, currency: true, paidAt: true },
    }),
    // A pending row past its hold waits for the agency's approval, which has no date to promise.
    ctx.db.commission.findFirst({ where: { partnerId, status: "pending", amountMinor: { gt: 0 }, dueAt: { gt: now } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    partnerCommissions(ctx, 1, HOME_COMMISSIONS),
  ]);
  return {
    balances,
    onTheWay: open.map((p) => ({ id: p.id, amountMinor: p.amountMinor, currency: p.currency, status: p.status as (typeof OPEN_PAYOUT)[number], since: p.createdAt })),
    lastPaid: lastPaid?.paidAt ? { id: lastPaid.id, amountMinor: lastPaid.amountMinor, currency: lastPaid.currency, paidAt: lastPaid.paidAt } : null,
    nextPayableAt: nextPending?.dueAt ?? null,
    commissions: latest.commissions,
    commissionTotal: latest.total,
  };
}
