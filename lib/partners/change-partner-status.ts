import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { invalidateAllTrackedLinks } from "@/lib/tracking/registry";
import { revokeOpenInvites, sendPartnerInvite } from "./invite-partner";
import { sendApplicationDeclinedMail } from "./partner-mail";
import type { StatusChangeInput } from "./schemas";
import { canTransition, closedStatuses, partnerTransitions } from "./status-transitions";

/**
 * Applies one lifecycle action from the transition table. The update is conditional on the status
 * the decision was made on, so two staff members acting at once cannot both succeed. Nothing is
 * deleted: suspending or removing only changes the status (and stops open invites).
 * Approving e-mails the applicant an invite, so they get a link that signs them in.
 */
export async function changePartnerStatus(ctx: TenantContext, partnerId: string, input: StatusChangeInput, appUrl: string) {
  assertCan(ctx, "partners:write");
  const rule = partnerTransitions[input.action];
  const partner = await ctx.db.partner.findUnique({ where: { id: partnerId } });
  if (!partner) throw new NotFoundError();
  if (!canTransition(partner.status, input.action)) throw new DomainError("partner_transition_invalid");
  if (rule.reasonRequired && !input.reason) throw new DomainError("reason_required");

  const { count } = await ctx.db.partner.updateMany({
    where: { id: partner.id, status: partner.status },
    data: { status: rule.to, statusReason: input.reason },
  });
  if (count === 0) throw new DomainError("partner_transition_invalid");
  if (closedStatuses.includes(rule.to)) await revokeOpenInvites(ctx, partner.id);
  // A partner's tracked links redirect only while the partner is active: drop cached lookups now.
  invalidateAllTrackedLinks();
  await recordAudit(ctx, {
    action: rule.audit,
    entityType: "Partner",
    entityId: partner.id,
    data: { from: partner.status, to: rule.to, ...(input.reason ? { reason: input.reason } : {}) },
  });

  const updated = { ...partner, status: rule.to, statusReason: input.reason };
  if (input.action === "approve") await sendPartnerInvite(ctx, updated, appUrl);
  if (input.action === "decline") await sendApplicationDeclinedMail({ tenantId: ctx.tenantId, name: ctx.name }, partner);
  return updated;
}
