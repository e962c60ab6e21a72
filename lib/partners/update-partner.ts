import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TrustTier } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";

export async function setPartnerTier(ctx: TenantContext, partnerId: string, tier: TrustTier) {
  assertCan(ctx, "partners:write");
  const partner = await ctx.db.partner.findUnique({ where: { id: partnerId }, select: { trustTier: true } });
  if (!partner) throw new NotFoundError();
  if (partner.trustTier === tier) return;
  const { count } = await ctx.db.partner.updateMany({ where: { id: partnerId }, data: { trustTier: tier } });
  if (count === 0) throw new NotFoundError();
  await recordAudit(ctx, { action: "partner.tier_changed", entityType: "Partner", entityId: partnerId, data: { from: partner.trustTier, to: tier } });
}

/** Staff-only notes; partners never see them. The audit entry records that they changed, not the text. */
export async function setPartnerNotes(ctx: TenantContext, partnerId: string, notes: string | null) {
  assertCan(ctx, "partners:write");
  const { count } = await ctx.db.partner.updateMany({ where: { id: partnerId }, data: { notes } });
  if (count === 0) throw new NotFoundError();
  await recordAudit(ctx, { action: "partner.notes_updated", entityType: "Partner", entityId: partnerId });
}
