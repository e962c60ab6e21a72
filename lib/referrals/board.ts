import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import { pipelineStatuses } from "./codes";
import type { PipelineQuery } from "./list-query";
import { pipelineWhere } from "./list-referrals";
import { nextStatuses } from "./state-machine";

/** Cards shown per column; the column's count says how many more the table view has. */
export const BOARD_COLUMN_SIZE = 20;

/**
 * The pipeline as columns by status under the list's filters, newest first. Each card carries the
 * moves staff may make from its status (the state machine's, without the known-client shortcut,
 * which the referral's own page offers after checking the client).
 */
export async function loadPipelineBoard(ctx: TenantContext, query: PipelineQuery) {
  assertCan(ctx, "referrals:read");
  const statuses: readonly ReferralStatus[] = query.status ? [query.status] : pipelineStatuses;
  const [columns, counts] = await Promise.all([
    Promise.all(
      statuses.map((status) =>
        ctx.db.referral.findMany({
          where: pipelineWhere({ ...query, status: status as PipelineQuery["status"] }, { timeZone: ctx.funnelTimeZone }),
          orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
          take: BOARD_COLUMN_SIZE,
          select: {
            id: true, kind: true, subjectName: true, status: true, sourceMarket: true, targetMarket: true,
            partner: { select: { name: true } }, program: { select: { name: true } },
          },
        }),
      ),
    ),
    ctx.db.referral.groupBy({ by: ["status"], where: pipelineWhere(query, { ignoreStatus: true, timeZone: ctx.funnelTimeZone }), _count: { _all: true } }),
  ]);
  const total = Object.fromEntries(counts.map((r) => [r.status, r._count._all]));
  return statuses.map((status, i) => ({
    status,
    total: total[status] ?? 0,
    moves: nextStatuses(status, "staff"),
    cards: columns[i],
  }));
}
export type PipelineBoard = Awaited<ReturnType<typeof loadPipelineBoard>>;
