import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { invalidateTrackedLink } from "@/lib/tracking/registry";
import { insertLink } from "./create-link";
import { defaultDestination } from "./destination";
import type { LinkDestinationInput, StaffLinkInput } from "./schemas";

/** Staff create a link for an enrolled partner, optionally with a custom destination and label. */
export async function createLinkAsStaff(ctx: TenantContext, input: StaffLinkInput, appUrl: string) {
  assertCan(ctx, "links:write");
  return insertLink(ctx, { ...input, destinationUrl: input.destinationUrl ?? null }, appUrl, { action: "link.created", by: "staff" });
}

async function findLink(ctx: TenantContext, id: string) {
  const link = await ctx.db.trackedLink.findFirst({
    where: { id },
    select: { id: true, code: true, disabledAt: true, destinationUrl: true, label: true, opportunityId: true, partner: { select: { preferredLocale: true } } },
  });
  if (!link) throw new NotFoundError();
  return link;
}

/** Disables (no longer redirects to the destination) or re-enables a link of this tenant. */
export async function setLinkDisabled(ctx: TenantContext, id: string, disabled: boolean, now = new Date()) {
  assertCan(ctx, "links:write");
  const link = await findLink(ctx, id);
  if ((link.disabledAt !== null) === disabled) return;
  await ctx.db.trackedLink.updateMany({ where: { id }, data: { disabledAt: disabled ? now : null } });
  // This process's /r/ cache forgets the code now; other app instances when the commit's NOTIFY arrives.
  invalidateTrackedLink(link.code);
  await recordAudit(ctx, { action: disabled ? "link.disabled" : "link.enabled", entityType: "TrackedLink", entityId: id, data: { code: link.code } });
}

/** Changes a link's destination (empty = back to the default board page) and label. */
export async function updateLinkDestination(ctx: TenantContext, id: string, input: LinkDestinationInput, appUrl: string) {
  assertCan(ctx, "links:write");
  const link = await findLink(ctx, id);
  const destinationUrl = input.destinationUrl
    ?? defaultDestination(appUrl, { locale: link.partner.preferredLocale, tenantSlug: ctx.slug, opportunityId: link.opportunityId });
  await ctx.db.trackedLink.updateMany({ where: { id }, data: { destinationUrl, label: input.label } });
  invalidateTrackedLink(link.code);
  await recordAudit(ctx, {
    action: "link.updated", entityType: "TrackedLink", entityId: id,
    data: { code: link.code, from: { destinationUrl: link.destinationUrl, label: link.label }, to: { destinationUrl, label: input.label } },
  });
}
