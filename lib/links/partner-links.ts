import { auditIn } from "@/lib/audit/record-audit";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { NotFoundError } from "@/lib/kernel/errors";
import { invalidateTrackedLink } from "@/lib/tracking/registry";
import { insertLink } from "./create-link";
import type { PartnerLinkInput } from "./schemas";

/** A partner makes a link for themselves; it always points at the agency's board (no custom URL). */
export async function createLinkAsPartner(ctx: PartnerContext, input: PartnerLinkInput, appUrl: string) {
  return insertLink(ctx, { ...input, partnerId: ctx.partnerId, destinationUrl: null }, appUrl, { action: "link.created", by: "partner" });
}

/**
 * A partner disables one of their own links (e.g. posted by mistake). Re-enabling is for staff:
 * a link may also have been disabled by the agency, and the partner can always make a new one.
 * Another partner's link id is answered like a missing one.
 */
export async function disableOwnLink(ctx: PartnerContext, id: string, now = new Date()) {
  const code = await ctx.db.$transaction(async (tx) => {
    const link = await tx.trackedLink.findFirst({ where: { id, partnerId: ctx.partnerId }, select: { id: true, code: true, disabledAt: true } });
    if (!link) throw new NotFoundError();
    if (link.disabledAt) return null;
    await tx.trackedLink.updateMany({ where: { id, partnerId: ctx.partnerId }, data: { disabledAt: now } });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, { action: "link.disabled", entityType: "TrackedLink", entityId: id, data: { code: link.code, by: "partner" } });
    return link.code;
  });
  // After the commit: a request in between must not reload and cache the still-enabled row.
  if (code) invalidateTrackedLink(code);
}
