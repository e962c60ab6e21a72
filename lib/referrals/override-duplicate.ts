import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { notifyPartner } from "./notify-partner";
import { TX_OPTIONS } from "./tx";

/**
 * Staff decide that a referral rejected as a duplicate deserves a look after all (e.g. the
 * earlier one never had a real relationship). The referral goes back into the pipeline; the
 * duplicate link stays for the record, and the reason is kept on the referral, in its history
 * (internal) and in the audit log.
 */
export async function overrideDuplicate(ctx: TenantContext, id: string, input: { reason: string; to: "submitted" | "in_review" }) {
  assertCan(ctx, "referrals:write");
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("override_reason_required");
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.referral.findFirst({ where: { id, status: { not: "draft" } } });
    if (!current) throw new NotFoundError();
    if (current.status !== "rejected" || (current.rejectReason !== "duplicate" && !current.duplicateReason)) {
      throw new DomainError("referral_not_duplicate");
    }
    const { count } = await tx.referral.updateMany({
      where: { id, status: "rejected" },
      data: { status: input.to, overrideReason: reason, rejectReason: null, closedAt: null },
    });
    if (count === 0) throw new DomainError("referral_changed");
    await tx.referralTransition.create({
      data: { tenantId: ctx.tenantId, referralId: id, fromStatus: "rejected", toStatus: input.to, actorUserId: ctx.userId, reason, internal: true },
    });
    await auditIn(tx, actor, {
      action: "referral.duplicate_overridden",
      entityType: "Referral",
      entityId: id,
      data: { reason, to: input.to, duplicateOfId: current.duplicateOfId, duplicateReason: current.duplicateReason },
    });
    // The override reason is internal: the partner only learns the new status.
    await notifyPartner(tx, ctx.tenantId, { referralId: id, partnerId: current.partnerId, to: input.to, note: reason, internal: true, rejectReason: null });
  }, TX_OPTIONS);
}
