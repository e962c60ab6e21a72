// The portal's earnings page: balances, the partner's commissions (newest first, paged) with why
// each has its amount, and their payouts. Every query is filtered to ctx.partnerId inside ctx.db.
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { partnerBalances, type PartnerBalance } from "./balances";
import { commissionSubjects, type CommissionSubject } from "./commission-subjects";
import { explainCommission, type CommissionWhy } from "./explain";

export const COMMISSIONS_PER_PAGE = 25;
const PAYOUTS_SHOWN = 100;

export type PartnerCommission = {
  id: string;
  kind: "earning" | "clawback" | "adjustment";
  status: "pending" | "approved" | "paid" | "void";
  inPayout: boolean;
  /** A risk rule flagged it (lib/risk): the partner sees "under review", never which rule or why. */
  underReview: boolean;
  amountMinor: bigint;
  currency: string;
  ruleName: string | null;
  /** The client and deal it was earned on (lib/earnings/commission-subjects.ts). */
  client: CommissionSubject["client"];
  deal: CommissionSubject["deal"];
  occurredAt: Date;
  dueAt: Date;
  paidAt: Date | null;
  reason: string | null;
  why: CommissionWhy;
};

export type PartnerPayoutRow = {
  id: string;
  date: Date;
  amountMinor: bigint;
  currency: string;
  rail: "stripe" | "registry" | "manual";
  status: "held" | "ready" | "processing" | "sent" | "paid" | "partial" | "failed" | "cancelled";
  reference: string;
  receiptRef: string | null;
};

export type PartnerEarnings = {
  balances: PartnerBalance[];
  commissions: PartnerCommission[];
  commissionTotal: number;
  page: number;
  pageCount: number;
  payouts: PartnerPayoutRow[];
  /** A Russian self-employed partner owes a «Мой налог» receipt for each paid RUB payout. */
  selfEmployed: boolean;
};

const ruleNameOf = (explanation: unknown): string | null => {
  const rule = (explanation as { rule?: { name?: unknown } } | null)?.rule;
  return typeof rule?.name === "string" ? rule.name : null;
};

export async function partnerCommissions(ctx: PartnerContext, page = 1, perPage = COMMISSIONS_PER_PAGE) {
  const where = { partnerId: ctx.partnerId };
  const total = await ctx.db.commission.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await ctx.db.commission.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * perPage,
    take: perPage,
    select: {
      id: true, kind: true, status: true, payoutId: true, amountMinor: true, currency: true, occurredAt: true, dueAt: true,
      paidAt: true, reason: true, explanation: true, rule: { select: { name: true } }, eventId: true, customerId: true, riskCaseId: true,
    },
  });
  const subjects = await commissionSubjects(ctx, rows);
  const commissions: PartnerCommission[] = rows.map((r) => ({
    id: r.id, kind: r.kind, status: r.status, inPayout: r.status === "approved" && r.payoutId !== null,
    underReview: r.riskCaseId !== null && (r.status === "pending" || r.status === "approved"),
    amountMinor: r.amountMinor, currency: r.currency, ruleName: r.rule?.name ?? ruleNameOf(r.explanation),
    client: subjects.get(r.id)?.client ?? null, deal: subjects.get(r.id)?.deal ?? null,
    occurredAt: r.occurredAt, dueAt: r.dueAt, paidAt: r.paidAt, reason: r.reason, why: explainCommission(r.kind, r.explanation),
  }));
  return { commissions, total, page: current, pageCount };
}

export async function partnerPayouts(ctx: PartnerContext): Promise<PartnerPayoutRow[]> {
  const rows = await ctx.db.payout.findMany({
    where: { partnerId: ctx.partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAYOUTS_SHOWN,
    select: { id: true, createdAt: true, sentAt: true, paidAt: true, amountMinor: true, currency: true, rail: true, status: true, reference: true, receiptRef: true },
  });
  return rows.map((r) => ({
    id: r.id, date: r.paidAt ?? r.sentAt ?? r.createdAt, amountMinor: r.amountMinor, currency: r.currency, rail: r.rail,
    status: r.status, reference: r.reference, receiptRef: r.receiptRef,
  }));
}

export async function partnerEarnings(ctx: PartnerContext, options: { page?: number } = {}): Promise<PartnerEarnings> {
  const [balances, commissions, payouts, taxProfile] = await Promise.all([
    partnerBalances(ctx), partnerCommissions(ctx, options.page), partnerPayouts(ctx),
    ctx.db.taxProfile.findFirst({ where: { partnerId: ctx.partnerId }, select: { form: true } }),
  ]);
  return {
    balances, commissions: commissions.commissions, commissionTotal: commissions.total, page: commissions.page, pageCount: commissions.pageCount,
    payouts, selfEmployed: taxProfile?.form === "ru_self_employed",
  };
}
