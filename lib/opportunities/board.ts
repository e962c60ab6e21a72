import { boardFilterOptions, findBoardOpportunity, findBoardTenant, listBoardOpportunities } from "@/lib/db/public-board";
import { deadlinePassed } from "@/lib/kernel/deadline";
import type { BoardQuery } from "./schemas";

// The public board's reads. No sign-in: the tenant comes from the slug, and lib/db/public-board
// keeps every query to that tenant's open opportunities.

export const BOARD_PAGE_SIZE = 12;

export { findBoardTenant };

export async function listBoard(tenantId: string, query: BoardQuery, now = new Date()) {
  const [{ items, total }, options] = await Promise.all([
    listBoardOpportunities(
      tenantId,
      {
        pair: query.pair,
        platform: query.platform,
        niche: query.niche,
        budget: query.budgetMinor !== undefined && query.currency ? { minor: query.budgetMinor, currency: query.currency } : undefined,
      },
      { skip: (query.page - 1) * BOARD_PAGE_SIZE, take: BOARD_PAGE_SIZE },
      now,
    ),
    boardFilterOptions(tenantId, now),
  ]);
  return { items, total, options, page: query.page, pageCount: Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE)) };
}

/** An open opportunity of this agency for its public page, or null (→ 404). */
export async function getBoardOpportunity(slug: string, id: string, now = new Date()) {
  const opportunity = await findBoardOpportunity(slug, id);
  if (!opportunity) return null;
  return { ...opportunity, acceptsOptIns: !deadlinePassed(opportunity.deadline, now) };
}
export type BoardOpportunityDetail = NonNullable<Awaited<ReturnType<typeof getBoardOpportunity>>>;
