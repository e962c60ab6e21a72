import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { OpportunityStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { OpportunityListQuery } from "./schemas";

export const PAGE_SIZE = 25;

/** Staff list: filtered by status and market pair, with opt-in counts (all and still new). */
export async function listOpportunities(ctx: TenantContext, query: OpportunityListQuery) {
  assertCan(ctx, "opportunities:read");
  const pairWhere: Prisma.OpportunityWhereInput = query.pair ? { sourceMarket: query.pair.source, targetMarket: query.pair.target } : {};
  const where: Prisma.OpportunityWhereInput = { ...pairWhere, ...(query.status ? { status: query.status } : {}) };
  const [items, total, byStatus, pairs] = await Promise.all([
    ctx.db.opportunity.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { program: { select: { name: true } }, _count: { select: { optIns: true } } },
    }),
    ctx.db.opportunity.count({ where }),
    ctx.db.opportunity.groupBy({ by: ["status"], where: pairWhere, _count: { _all: true } }),
    ctx.db.opportunity.groupBy({ by: ["sourceMarket", "targetMarket"], _count: { _all: true } }),
  ]);
  const fresh = items.length
    ? await ctx.db.optIn.groupBy({ by: ["opportunityId"], where: { opportunityId: { in: items.map((o) => o.id) }, status: "new" }, _count: { _all: true } })
    : [];
  const newCounts = new Map(fresh.map((r) => [r.opportunityId, r._count._all]));
  return {
    items: items.map((o) => ({ ...o, newOptIns: newCounts.get(o.id) ?? 0 })),
    total,
    statusCounts: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<Record<OpportunityStatus, number>>,
    pairs: pairs.map((p) => ({ source: p.sourceMarket, target: p.targetMarket })),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** One opportunity of this tenant with its program and counts; another tenant's id is "not found". */
export async function getOpportunity(ctx: TenantContext, id: string) {
  assertCan(ctx, "opportunities:read");
  const opportunity = await ctx.db.opportunity.findFirst({
    where: { id },
    include: {
      program: { select: { id: true, name: true, markets: true, mode: true, archivedAt: true, attributionWindowDays: true, attributionModel: true } },
      _count: { select: { optIns: true, referrals: true, invitations: true } },
    },
  });
  if (!opportunity) throw new NotFoundError();
  return opportunity;
}
export type StaffOpportunity = Awaited<ReturnType<typeof getOpportunity>>;

/** Programs an opportunity can be posted in: live, running the pool mechanic. */
export async function opportunityPrograms(ctx: TenantContext) {
  assertCan(ctx, "opportunities:read");
  return ctx.db.program.findMany({
    where: { archivedAt: null, mode: { in: ["pool", "both"] } },
    select: { id: true, name: true, markets: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
