import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { OpportunityStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { deadlinePassed } from "@/lib/kernel/deadline";
import { canMoveOpportunity } from "./status-transitions";

/**
 * Publishes, closes, marks filled or reopens an opportunity. Opening puts it on the public board,
 * so its program must still run pool referrals and its deadline must not have passed. The update
 * is conditional on the status read, so two staff clicking at once cannot both move it.
 */
export async function changeOpportunityStatus(ctx: TenantContext, id: string, to: OpportunityStatus, now = new Date()) {
  assertCan(ctx, "opportunities:write");
  const opportunity = await ctx.db.opportunity.findFirst({
    where: { id },
    select: { status: true, deadline: true, titleEn: true, titleRu: true, program: { select: { archivedAt: true, mode: true } } },
  });
  if (!opportunity) throw new NotFoundError();
  const from = opportunity.status;
  if (!canMoveOpportunity(from, to)) throw new DomainError("opportunity_transition_invalid");
  if (to === "open") {
    if (opportunity.program.archivedAt || opportunity.program.mode === "direct") throw new DomainError("opportunity_program_unavailable");
    if (deadlinePassed(opportunity.deadline, now)) throw new DomainError("opportunity_deadline_passed");
  }
  const { count } = await ctx.db.opportunity.updateMany({ where: { id, status: from }, data: { status: to } });
  if (count === 0) throw new DomainError("opportunity_changed");
  await recordAudit(ctx, { action: "opportunity.status_changed", entityType: "Opportunity", entityId: id, data: { from, to, name: opportunity.titleEn ?? opportunity.titleRu } });
}
