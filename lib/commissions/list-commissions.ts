import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { ledgerBalances } from "./balances";
import type { LedgerQuery } from "./schemas";

export const LEDGER_PAGE_SIZE = 50;

const rowSelect = {
  id: true, kind: true, status: true, amountMinor: true, currency: true, baseAmountMinor: true, baseCurrency: true,
  fxRate: true, fxRateDay: true, fxSource: true, explanation: true, reason: true, occurredAt: true, dueAt: true,
  eventId: true, customerId: true, payoutId: true, riskCaseId: true, createdAt: true,
  partner: { select: { id: true, name: true, market: true } },
  rule: { select: { id: true, name: true, basis: true } },
} satisfies Prisma.CommissionSelect;

/** The ledger, newest event first, with the filters of the staff page. */
export async function listCommissions(ctx: TenantContext, query: LedgerQuery) {
  assertCan(ctx, "payouts:read");
  const where: Prisma.CommissionWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.partner ? { partnerId: query.partner } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
  };
  const [items, total] = await Promise.all([
    ctx.db.commission.findMany({
      where, select: rowSelect, orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * LEDGER_PAGE_SIZE, take: LEDGER_PAGE_SIZE,
    }),
    ctx.db.commission.count({ where }),
  ]);
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)) };
}

/** Balances with partner names, for the staff overview. */
export async function staffBalances(ctx: TenantContext) {
  assertCan(ctx, "payouts:read");
  const balances = await ledgerBalances(ctx.db);
  const partners = await ctx.db.partner.findMany({ where: { id: { in: [...new Set(balances.map((b) => b.partnerId))] } }, select: { id: true, name: true } });
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return balances.map((b) => ({ ...b, partnerName: names.get(b.partnerId) ?? "—" })).sort((a, b) => a.partnerName.localeCompare(b.partnerName) || a.currency.localeCompare(b.currency));
}

export type TransitionActor = { kind: "staff" | "partner"; email: string } | { kind: "system" } | { kind: "former" };

/** One commission with its event, rule and full transition history (who, when, why). */
export async function getCommission(ctx: TenantContext, id: string) {
  assertCan(ctx, "payouts:read");
  const commission = await ctx.db.commission.findFirst({
    where: { id },
    select: { ...rowSelect, programId: true, reversesId: true, approvedAt: true, paidAt: true, voidedAt: true, createdById: true },
  });
  if (!commission) throw new NotFoundError();
  const [transitions, event, program] = await Promise.all([
    ctx.db.commissionTransition.findMany({ where: { commissionId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    commission.eventId
      ? ctx.db.conversionEvent.findFirst({
          where: { id: commission.eventId },
          select: { id: true, type: true, occurredAt: true, amountMinor: true, currency: true, idempotencyKey: true, source: true, customer: { select: { id: true, name: true, externalId: true } } },
        })
      : null,
    commission.programId ? ctx.db.program.findFirst({ where: { id: commission.programId }, select: { id: true, name: true } }) : null,
  ]);
  const userIds = [...new Set(transitions.map((t) => t.actorUserId).filter((u): u is string => !!u))];
  // Users are global: an actor is named only through their tie to this tenant.
  const [members, partners] = userIds.length
    ? await Promise.all([
        ctx.db.membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true, user: { select: { email: true } } } }),
        ctx.db.partner.findMany({ where: { userId: { in: userIds } }, select: { userId: true, email: true } }),
      ])
    : [[], []];
  const actors = new Map<string, TransitionActor>();
  for (const p of partners) if (p.userId) actors.set(p.userId, { kind: "partner", email: p.email });
  for (const m of members) actors.set(m.userId, { kind: "staff", email: m.user.email });
  return {
    commission,
    event,
    program,
    transitions: transitions.map((t) => ({ ...t, actor: t.actorUserId ? (actors.get(t.actorUserId) ?? { kind: "former" as const }) : { kind: "system" as const } })),
  };
}
