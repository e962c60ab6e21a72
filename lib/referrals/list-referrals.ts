import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { markets } from "@/lib/directory/platforms";
import { addDays, DEFAULT_TIME_ZONE, startOfLocalDay } from "@/lib/kernel/time-zone";
import type { PipelineQuery } from "./list-query";

export const PIPELINE_PAGE_SIZE = 25;

/**
 * The pipeline's filters as a where clause; drafts are the partner's and never appear here. The
 * from/to dates are local days in `timeZone` (the funnel's: ctx.funnelTimeZone), so the funnel's
 * "see these referrals" link lists exactly the referrals its tile counted.
 */
export function pipelineWhere(query: PipelineQuery, options: { ignoreStatus?: boolean; timeZone?: string } = {}): Prisma.ReferralWhereInput {
  const submitted: Prisma.DateTimeNullableFilter = {};
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (query.from) submitted.gte = startOfLocalDay(query.from, zone);
  if (query.to) submitted.lt = startOfLocalDay(addDays(query.to, 1), zone);
  return {
    status: query.status && !options.ignoreStatus ? query.status : { not: "draft" },
    ...(query.program ? { programId: query.program } : {}),
    ...(query.partner ? { partnerId: query.partner } : {}),
    ...(query.pair ? { sourceMarket: query.pair.source, targetMarket: query.pair.target } : {}),
    // Cross-market is derived, never stored: source and target differ.
    ...(query.cross ? { AND: markets.map((m) => ({ NOT: { sourceMarket: m, targetMarket: m } })) } : {}),
    ...(query.from || query.to ? { submittedAt: submitted } : {}),
    // Text search: the subject, its contact, or the partner who sent it.
    ...(query.q
      ? {
          OR: [
            { subjectName: { contains: query.q, mode: "insensitive" } },
            { contactName: { contains: query.q, mode: "insensitive" } },
            { contactValue: { contains: query.q, mode: "insensitive" } },
            { partner: { name: { contains: query.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
}

export function pipelineOrder(query: PipelineQuery): Prisma.ReferralOrderByWithRelationInput[] {
  const newestFirst = { submittedAt: { sort: "desc", nulls: "last" } } as const;
  if (query.sort === "status") return [{ status: query.dir ?? "asc" }, newestFirst, { id: "asc" }];
  if (query.sort === "name") return [{ subjectName: query.dir ?? "asc" }, { id: "asc" }];
  return [{ submittedAt: { sort: query.dir ?? "desc", nulls: "last" } }, { id: "asc" }];
}

export async function listReferrals(ctx: TenantContext, query: PipelineQuery) {
  assertCan(ctx, "referrals:read");
  const where = pipelineWhere(query, { timeZone: ctx.funnelTimeZone });
  const [items, total, byStatus] = await Promise.all([
    ctx.db.referral.findMany({
      where,
      orderBy: pipelineOrder(query),
      skip: (query.page - 1) * PIPELINE_PAGE_SIZE,
      take: PIPELINE_PAGE_SIZE,
      select: {
        id: true, kind: true, subjectName: true, status: true, sourceMarket: true, targetMarket: true,
        submittedAt: true, duplicateReason: true, overrideReason: true,
        program: { select: { name: true } }, partner: { select: { name: true } },
      },
    }),
    ctx.db.referral.count({ where }),
    ctx.db.referral.groupBy({ by: ["status"], where: pipelineWhere(query, { ignoreStatus: true, timeZone: ctx.funnelTimeZone }), _count: { _all: true } }),
  ]);
  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE)),
    statusCounts: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
  };
}

/** Choices for the filter bar: programs, partners, and the market pairs that actually occur. */
export async function pipelineFilterOptions(ctx: TenantContext) {
  assertCan(ctx, "referrals:read");
  const [programs, partners, pairs] = await Promise.all([
    ctx.db.program.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.partner.findMany({ where: { referrals: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.referral.groupBy({ by: ["sourceMarket", "targetMarket"], where: { status: { not: "draft" } }, orderBy: [{ sourceMarket: "asc" }, { targetMarket: "asc" }] }),
  ]);
  return { programs, partners, pairs: pairs.map((p) => ({ source: p.sourceMarket, target: p.targetMarket })) };
}
