// Time zones (issue 15, part 3). The agency's zone decides its local days and how times are shown to
// everyone who has not chosen their own; owners and admins change it, and the audit log keeps the
// change. A person's own zone (User.timeZone, lib/auth/users.ts) is theirs across agencies and not audited.
import type { z } from "zod";
import { auditIn } from "@/lib/audit/record-audit";
import { changeTenantTimeZone } from "@/lib/funnel/time-zone-change";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";
import type { agencyTimeZoneInput } from "./schemas";

export async function getAgencyTimeZone(ctx: TenantContext): Promise<string> {
  assertCan(ctx, "settings:read");
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { timeZone: true } });
  return tenant.timeZone;
}

/**
 * Sets the agency's zone; a change is audited with the zone before and after, and queues the re-key of
 * the funnel's rollups onto the new local days — all in one transaction (lib/funnel/time-zone-change.ts).
 */
export async function updateAgencyTimeZone(ctx: TenantContext, input: z.output<typeof agencyTimeZoneInput>): Promise<{ changed: boolean }> {
  assertCan(ctx, "settings:manage");
  const before = await getAgencyTimeZone(ctx);
  if (before === input.timeZone) return { changed: false };
  await ctx.db.$transaction(async (tx) => {
    await changeTenantTimeZone(tx, ctx.tenantId, input.timeZone);
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "settings.time_zone_changed",
      entityType: "Tenant",
      entityId: ctx.tenantId,
      data: { from: before, to: input.timeZone },
    });
  });
  return { changed: true };
}
