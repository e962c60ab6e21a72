import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { invalidateTrackedLink } from "@/lib/tracking/registry";
import type { ComplianceInput } from "./schemas";

/**
 * Staff record the facts the rules read: the erid (by hand until the ОРД is wired), the channel's
 * subscribers and Roskomnadzor registry number, the disclosure text. Frozen once approved: a change
 * then would bypass the gate, so the approval must be withdrawn first.
 */
export async function updatePlacementCompliance(ctx: TenantContext, id: string, input: ComplianceInput) {
  assertCan(ctx, "referrals:write");
  const linkCode = await ctx.db.$transaction(async (tx) => {
    const current = await tx.placement.findFirst({ where: { id }, include: { trackedLink: { select: { code: true } } } });
    if (!current) throw new NotFoundError();
    if (!["draft", "ready_to_label", "labelled"].includes(current.status)) throw new DomainError("placement_compliance_frozen");
    const { count } = await tx.placement.updateMany({ where: { id, status: current.status }, data: input });
    if (count === 0) throw new DomainError("placement_changed");
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "placement.compliance_updated", entityType: "Placement", entityId: id,
      data: { erid: input.erid, channelSubscribers: input.channelSubscribers, rknRegistryNumber: input.rknRegistryNumber, disclosure: !!input.disclosureText },
    });
    return current.trackedLink?.code ?? null;
  });
  // The erid decides what the placement's link answers (lib/tracking): this process forgets it now.
  if (linkCode) invalidateTrackedLink(linkCode);
  return { id };
}
