// Reads for the payouts pages. Everything through the tenant-scoped client: another tenant's run or
// payout is simply not found.
import type { PayoutRunStatus, PayoutStatus, StatementLineResult } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import type { PayeeSnapshot } from "./create-run";

export type RunTotals = { currency: string; amountMinor: bigint; payouts: number }[];

export type RunListItem = {
  id: string;
  number: number;
  status: PayoutRunStatus;
  cutoffAt: Date;
  createdAt: Date;
  totals: RunTotals;
  counts: Partial<Record<PayoutStatus, number>>;
  payouts: number;
};

export async function listPayoutRuns(ctx: TenantContext, options: { take?: number } = {}): Promise<RunListItem[]> {
  assertCan(ctx, "payouts:read");
  const runs = await ctx.db.payoutRun.findMany({ orderBy: { number: "desc" }, take: options.take ?? 50 });
  const ids = runs.map((r) => r.id);
  const grouped = await ctx.db.payout.groupBy({
    by: ["runId", "currency", "status"],
    where: { runId: { in: ids } },
    _sum: { amountMinor: true },
    _count: { _all: true },
  });
  return runs.map((run) => {
    const rows = grouped.filter((g) => g.runId === run.id);
    const totals = new Map<string, { currency: string; amountMinor: bigint; payouts: number }>();
    const counts: Partial<Record<PayoutStatus, number>> = {};
    for (const g of rows) {
      counts[g.status] = (counts[g.status] ?? 0) + g._count._all;
      if (g.status === "cancelled") continue;
      const t = totals.get(g.currency) ?? { currency: g.currency, amountMinor: 0n, payouts: 0 };
      t.amountMinor += g._sum.amountMinor ?? 0n;
      t.payouts += g._count._all;
      totals.set(g.currency, t);
    }
    return {
      id: run.id, number: run.number, status: run.status, cutoffAt: run.cutoffAt, createdAt: run.createdAt,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)), counts,
      payouts: rows.reduce((n, g) => n + g._count._all, 0),
    };
  });
}

export type RunPayoutRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  rail: "stripe" | "registry" | "manual";
  currency: string;
  amountMinor: bigint;
  status: PayoutStatus;
  reference: string;
  holdReasons: string[];
  releaseRequestedById: string | null;
  releaseRequestedAt: Date | null;
  releaseNote: string | null;
  releasedAt: Date | null;
  externalId: string | null;
  failureReason: string | null;
  receivedAmountMinor: bigint | null;
  receiptRef: string | null;
  selfEmployed: boolean;
  hasStripeAccount: boolean;
  items: number;
  /** Last change: how long a `processing` payout has waited (a pass that died leaves it there). */
  updatedAt: Date;
};

export async function getPayoutRun(ctx: TenantContext, runId: string) {
  assertCan(ctx, "payouts:read");
  const run = await ctx.db.payoutRun.findFirst({ where: { id: runId } });
  if (!run) throw new NotFoundError();
  const [payouts, imports] = await Promise.all([
    ctx.db.payout.findMany({
      where: { runId },
      orderBy: [{ rail: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      include: { partner: { select: { name: true, payoutMethod: { select: { stripeAccountId: true } } } }, _count: { select: { items: true } } },
    }),
    ctx.db.statementImport.findMany({ where: { runId }, orderBy: { createdAt: "desc" }, take: 10, include: { lines: { select: { result: true } } } }),
  ]);
  const rows: RunPayoutRow[] = payouts.map((p) => {
    const payee = (p.payee ?? {}) as Partial<PayeeSnapshot>;
    return {
      id: p.id, partnerId: p.partnerId, partnerName: p.partner.name, rail: p.rail, currency: p.currency, amountMinor: p.amountMinor,
      status: p.status, reference: p.reference, holdReasons: p.holdReason ? p.holdReason.split(",") : [],
      releaseRequestedById: p.releaseRequestedById, releaseRequestedAt: p.releaseRequestedAt, releaseNote: p.releaseNote,
      releasedAt: p.releasedAt, externalId: p.externalId, failureReason: p.failureReason, receivedAmountMinor: p.receivedAmountMinor,
      receiptRef: p.receiptRef, selfEmployed: payee.taxForm === "ru_self_employed",
      hasStripeAccount: !!(payee.stripeAccountId || p.partner.payoutMethod?.stripeAccountId), items: p._count.items,
      updatedAt: p.updatedAt,
    };
  });
  const statements = imports.map((i) => {
    const counts: Partial<Record<StatementLineResult, number>> = {};
    for (const l of i.lines) counts[l.result] = (counts[l.result] ?? 0) + 1;
    return { id: i.id, fileName: i.fileName, createdAt: i.createdAt, lineCount: i.lineCount, counts };
  });
  return { run, payouts: rows, statements, loadedAt: Date.now() };
}

export async function getPayoutDetail(ctx: TenantContext, runId: string, payoutId: string) {
  assertCan(ctx, "payouts:read");
  const payout = await ctx.db.payout.findFirst({
    where: { id: payoutId, runId },
    include: {
      run: { select: { id: true, number: true, status: true } },
      partner: { select: { id: true, name: true } },
      items: {
        orderBy: { commissionId: "asc" },
        include: { commission: { select: { id: true, kind: true, status: true, occurredAt: true, programId: true, reason: true } } },
      },
      statementLines: { orderBy: { id: "asc" }, include: { statement: { select: { fileName: true, createdAt: true } } } },
    },
  });
  if (!payout) throw new NotFoundError();
  return payout;
}
