import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { OptInStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { actorLabels } from "@/lib/referrals/get-referral";
import { optInPlatforms } from "./review-directory";
import { optInStatuses } from "./review-status";

export const REVIEW_PAGE_SIZE = 20;

/** The review page's URL query: `?status=shortlisted&page=2`; anything unknown falls back to defaults. */
export const reviewQuery = z.object({
  status: z.enum(optInStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type ReviewQuery = z.output<typeof reviewQuery>;

/** The header facts of an opportunity for its review and matching pages; a foreign id is "not found". */
export async function getOpportunitySummary(ctx: TenantContext, id: string) {
  assertCan(ctx, "opportunities:read");
  const opportunity = await ctx.db.opportunity.findFirst({
    where: { id },
    select: {
      id: true, side: true, status: true, sourceMarket: true, targetMarket: true, platforms: true, niches: true, slots: true,
      audienceMin: true, audienceMax: true, titleEn: true, titleRu: true, program: { select: { id: true, name: true } },
    },
  });
  if (!opportunity) throw new NotFoundError();
  return opportunity;
}

/**
 * The opt-ins of one opportunity for staff review, newest first, with everything a decision needs:
 * what they wrote, the partner credited, the consent record (text version, time, language), who
 * decided and, once accepted, the referral it became and the directory record it is linked to.
 */
export async function listOptIns(ctx: TenantContext, opportunityId: string, query: ReviewQuery) {
  assertCan(ctx, "opportunities:read");
  const opportunity = await getOpportunitySummary(ctx, opportunityId);
  const where = { opportunityId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total, grouped] = await Promise.all([
    ctx.db.optIn.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      include: {
        partner: { select: { id: true, name: true, status: true } },
        referral: {
          select: {
            id: true, status: true, duplicateReason: true, overrideReason: true,
            brand: { select: { id: true, name: true } }, creator: { select: { id: true, name: true } },
          },
        },
      },
    }),
    ctx.db.optIn.count({ where }),
    ctx.db.optIn.groupBy({ by: ["status"], where: { opportunityId }, _count: { _all: true } }),
  ]);
  const labels = await actorLabels(ctx, rows.map((r) => r.reviewedById));
  const statusCounts: Partial<Record<OptInStatus, number>> = Object.fromEntries(grouped.map((g) => [g.status, g._count._all]));
  return {
    opportunity,
    statusCounts,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    items: rows.map(({ ipHash: _ipHash, platforms, reviewedById, ...row }) => ({
      ...row,
      platforms: optInPlatforms(platforms),
      reviewer: reviewedById ? (labels.get(reviewedById) ?? { kind: "former" as const, name: null }) : null,
    })),
  };
}
export type OptInReviewItem = Awaited<ReturnType<typeof listOptIns>>["items"][number];
