import { resolvePublicContext, type PublicContext } from "@/lib/auth/contexts/public";
import { deadlinePassed } from "@/lib/kernel/deadline";
import { boardFilterOptions, findBoardOpportunity, listBoardOpportunities } from "./public-board";
import type { BoardQuery } from "./schemas";

// The public board's reads. No sign-in: the tenant comes from the slug (PublicContext), and
// ./public-board.ts keeps every query to that tenant's open opportunities.

export const BOARD_PAGE_SIZE = 12;

/** The agency behind a board URL (its public context), or null. */
export function findBoardTenant(slug: string): Promise<PublicContext | null> {
  return resolvePublicContext(slug);
}

export async function listBoard(tenant: PublicContext, query: BoardQuery, now = new Date()) {
  const [{ items, total }, options] = await Promise.all([
    listBoardOpportunities(
      tenant,
      {
        pair: query.pair,
        platform: query.platform,
        niche: query.niche,
        budget: query.budgetMinor !== undefined && query.currency ? { minor: query.budgetMinor, currency: query.currency } : undefined,
      },
      { skip: (query.page - 1) * BOARD_PAGE_SIZE, take: BOARD_PAGE_SIZE },
      now,
    ),
    boardFilterOptions(tenant, now),
  ]);
  return { items, total, options, page: query.page, pageCount: Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE)) };
}

/** An open opportunity of this agency for its public page, or null (→ 404). */
export async function getBoardOpportunity(slug: string, id: string, now = new Date()) {
  const tenant = await resolvePublicContext(slug);
  return tenant ? getPublicOpportunity(tenant, id, now) : null;
}

/** The same, in a public context already resolved. */
export async function getPublicOpportunity(tenant: PublicContext, id: string, now = new Date()) {
  const opportunity = await findBoardOpportunity(tenant, id);
  if (!opportunity) return null;
  return { ...opportunity, acceptsOptIns: !deadlinePassed(opportunity.deadline, now) };
}
export type BoardOpportunityDetail = NonNullable<Awaited<ReturnType<typeof getBoardOpportunity>>>;
