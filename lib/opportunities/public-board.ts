// The public opportunity board is opened without an account: the tenant comes from the slug
// (PublicContext, lib/auth/contexts/public.ts) and every query here runs on its tenant-scoped
// client, under row-level security. Be careful all the same: every query is forced to status
// "open", and selects only what a visitor may see (no program names, creators, opt-ins or partners).
import type { PublicContext } from "@/lib/auth/contexts/public";
import type { Prisma } from "@/lib/db/generated/client";
import type { Market } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import { startOfTodayUtc } from "@/lib/kernel/deadline";

export const boardFields = {
  id: true, side: true, sourceMarket: true, targetMarket: true, platforms: true, niches: true,
  audienceMin: true, audienceMax: true, budgetMinMinor: true, budgetMaxMinor: true, budgetCurrency: true,
  prepaymentPercent: true, netDays: true, barter: true, deadline: true, slots: true,
  titleEn: true, titleRu: true, descriptionEn: true, descriptionRu: true, updatedAt: true,
} satisfies Prisma.OpportunitySelect;

export type BoardOpportunity = Prisma.OpportunityGetPayload<{ select: typeof boardFields }>;

export type BoardFilter = {
  pair?: { source: Market; target: Market };
  platform?: string;
  niche?: string;
  /** At least this much (in `currency`'s minor units) can be earned: the budget's upper end reaches it. */
  budget?: { minor: bigint; currency: string };
};

/** Open and not past its deadline, in this tenant. */
function listed(tenantId: string, now: Date): Prisma.OpportunityWhereInput {
  return { tenantId, status: "open", OR: [{ deadline: null }, { deadline: { gte: startOfTodayUtc(now) } }] };
}

export async function listBoardOpportunities(ctx: PublicContext, filter: BoardFilter, page: { skip: number; take: number }, now = new Date()) {
  const where: Prisma.OpportunityWhereInput = {
    AND: [
      listed(ctx.tenantId, now),
      filter.pair ? { sourceMarket: filter.pair.source, targetMarket: filter.pair.target } : {},
      filter.platform ? { platforms: { has: filter.platform } } : {},
      filter.niche ? { niches: { has: filter.niche } } : {},
      filter.budget
        ? {
            budgetCurrency: filter.budget.currency,
            OR: [{ budgetMaxMinor: { gte: filter.budget.minor } }, { budgetMaxMinor: null, budgetMinMinor: { gte: filter.budget.minor } }],
          }
        : {},
    ],
  };
  const [items, total] = await Promise.all([
    ctx.db.opportunity.findMany({ where, select: boardFields, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...page }),
    ctx.db.opportunity.count({ where }),
  ]);
  return { items, total };
}

/** Market pairs and niches that occur among the listed opportunities, for the filter controls. */
export async function boardFilterOptions(ctx: PublicContext, now = new Date()) {
  const rows = await ctx.db.opportunity.findMany({ where: listed(ctx.tenantId, now), select: { sourceMarket: true, targetMarket: true, niches: true }, take: 500 });
  const pairs = new Map<string, { source: Market; target: Market }>();
  const niches = new Set<string>();
  for (const r of rows) {
    pairs.set(`${r.sourceMarket}-${r.targetMarket}`, { source: r.sourceMarket, target: r.targetMarket });
    r.niches.forEach((n) => niches.add(n));
  }
  return { pairs: [...pairs.values()], niches: [...niches].sort() };
}

/**
 * One open opportunity of the context's tenant, with what attribution needs. A draft, closed or
 * filled one, and another tenant's id under this slug, are all null (the page answers 404).
 */
export function findBoardOpportunity(ctx: PublicContext, id: string) {
  return ctx.db.opportunity.findFirst({
    where: { id, status: "open" },
    select: {
      ...boardFields,
      tenantId: true,
      programId: true,
      tenant: { select: { name: true, slug: true } },
      program: { select: { attributionWindowDays: true, attributionModel: true } },
    },
  });
}

/**
 * The partner behind a share code, when they may be credited for this program: active, and
 * enrolled in it while it is live. Null for anyone else (unknown, suspended, removed, another tenant).
 */
export function findCreditablePartner(db: Pick<TenantTx, "partner">, tenantId: string, programId: string, code: string) {
  return db.partner.findFirst({
    where: { tenantId, refCode: code, status: "active", enrolments: { some: { programId, program: { archivedAt: null } } } },
    select: { id: true },
  });
}

/** The attribution terms behind a share link: an open opportunity's program, or the partner's longest window on the board. */
export async function findShareTerms(ctx: PublicContext, code: string, opportunityId: string | null) {
  if (opportunityId) {
    const o = await ctx.db.opportunity.findFirst({
      where: { id: opportunityId, status: "open" },
      select: { tenantId: true, programId: true, program: { select: { attributionWindowDays: true, attributionModel: true } } },
    });
    if (!o) return null;
    const partner = await findCreditablePartner(ctx.db, o.tenantId, o.programId, code);
    return partner ? { partnerId: partner.id, tenantId: o.tenantId, programIds: [o.programId], ...o.program } : null;
  }
  const partner = await ctx.db.partner.findFirst({
    where: { refCode: code, status: "active" },
    select: {
      id: true, tenantId: true,
      enrolments: { where: { program: { archivedAt: null, mode: { in: ["pool", "both"] } } }, select: { program: { select: { id: true, attributionWindowDays: true, attributionModel: true } } } },
    },
  });
  const programs = partner?.enrolments.map((e) => e.program) ?? [];
  if (!partner || programs.length === 0) return null;
  const longest = programs.reduce((a, b) => (b.attributionWindowDays > a.attributionWindowDays ? b : a));
  return {
    partnerId: partner.id, tenantId: partner.tenantId, programIds: programs.map((p) => p.id),
    attributionWindowDays: longest.attributionWindowDays, attributionModel: longest.attributionModel,
  };
}

/** Whether an earlier claim's partner could still be credited in one of these programs. */
export async function isCreditableInAny(ctx: PublicContext, programIds: string[], code: string): Promise<boolean> {
  for (const programId of programIds) {
    if (await findCreditablePartner(ctx.db, ctx.tenantId, programId, code)) return true;
  }
  return false;
}
