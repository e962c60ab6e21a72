import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { claimDecision } from "./review-claim";
import { sendOptInDecisionMail } from "./review-mail";
import type { ReviewDecision } from "./review-status";

export type OptInRef = { opportunityId: string; optInId: string };
export type MailOptions = { appUrl?: string };

/**
 * Shortlists, un-shortlists or declines an opt-in of this tenant's opportunity. A foreign or
 * mismatched id is "not found". A decline e-mails the applicant in their own language, after the
 * commit; the note stays internal.
 */
export async function decideOptIn(
  ctx: TenantContext, ref: OptInRef, decision: Exclude<ReviewDecision, "accept">, note: string | null, options: MailOptions = {},
) {
  assertCan(ctx, "opportunities:write");
  const now = new Date();
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const optIn = await ctx.db.$transaction(async (tx) => {
    const current = await tx.optIn.findFirst({
      where: { id: ref.optInId, opportunityId: ref.opportunityId },
      include: { opportunity: { select: { titleEn: true, titleRu: true } } },
    });
    if (!current) throw new NotFoundError();
    const to = await claimDecision(tx, current, decision, { userId: ctx.userId, now, note });
    await auditIn(tx, actor, {
      action: `opt_in.${decision === "unshortlist" ? "unshortlisted" : to}`, entityType: "OptIn", entityId: current.id,
      data: { opportunityId: ref.opportunityId, from: current.status, to, name: current.name, ...(note ? { note } : {}) },
    });
    return current;
  });
  if (decision === "decline") await sendOptInDecisionMail(ctx, optIn, optIn.opportunity, "declined", options.appUrl);
}
