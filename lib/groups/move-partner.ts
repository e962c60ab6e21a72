import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";

/**
 * Moves a partner to another group of a program they are enrolled in. Commissions already in the
 * ledger keep their rule and amount; events that happen after the move earn under the new group's rules
 * and holding period (the job reads the move history, lib/groups/membership.ts). Changing which
 * rules pay a partner is a money decision, so it needs payouts:manage, like editing a rule.
 */
export async function movePartnerToGroup(ctx: TenantContext, partnerId: string, programId: string, groupId: string) {
  assertCan(ctx, "payouts:manage");
  const [enrolment, group] = await Promise.all([
    ctx.db.programPartner.findFirst({ where: { partnerId, programId }, select: { id: true, groupId: true, group: { select: { name: true } } } }),
    ctx.db.partnerGroup.findFirst({ where: { id: groupId, programId }, select: { id: true, name: true } }),
  ]);
  if (!enrolment || !group) throw new NotFoundError();
  if (enrolment.groupId === group.id) return false;
  return ctx.db.$transaction(async (tx) => {
    // Conditional on the group we read, so two staff moving at once record one coherent history.
    const { count } = await tx.programPartner.updateMany({ where: { id: enrolment.id, groupId: enrolment.groupId }, data: { groupId: group.id } });
    if (count === 0) return false;
    await tx.partnerGroupMove.create({
      data: { tenantId: ctx.tenantId, programId, partnerId, fromGroupId: enrolment.groupId, toGroupId: group.id, movedById: ctx.userId },
    });
    await auditIn(tx, ctx, {
      action: "partner.group_changed", entityType: "Partner", entityId: partnerId,
      data: { programId, fromGroupId: enrolment.groupId, from: enrolment.group?.name ?? null, toGroupId: group.id, to: group.name },
    });
    return true;
  });
}
