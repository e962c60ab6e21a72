// Time zones (issue 15, part 3). The agency's zone decides its local days and how times are shown to
// everyone who has not chosen their own; owners and admins change it, and the audit log keeps the
// change. A person's own zone (User.timeZone, lib/auth/users.ts) is theirs across agencies and not audited.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";
import type { agencyTimeZoneInput } from "./schemas";

export async function getAgencyTimeZone(ctx: TenantContext): Promise<string> {
  assertCan(ctx, "settings:read");
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { timeZone: true } });
  return tenant.timeZone;
}

/** Sets the agency's zone; a change is audited with the zone before and after. */
export async function updateAgencyTimeZone(ctx: TenantContext, input: z.output<typeof agencyTimeZoneInput>): Promise<{ changed: boolean }> {
  assertCan(ctx, "settings:manage");
  const before = await getAgencyTimeZone(ctx);
  if (before === input.timeZone) return { changed: false };
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { timeZone: input.timeZone } });
  await recordAudit(ctx, {
    action: "settings.time_zone_changed",
    entityType: "Tenant",
    entityId: ctx.tenantId,
    data: { from: before, to: input.timeZone },
  });
  return { changed: true };
}
