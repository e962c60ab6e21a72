// An agency's retention of raw clicks (Settings → Click data). Raw clicks older than the current
// month and N whole months before it are deleted by the daily clicks:partitions job
// (lib/tracking/partitions.ts); daily totals stay. Only the owner decides, since it deletes data.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/kernel/errors";
import type { clickRetentionInput } from "./schemas";

export async function getClickRetention(ctx: TenantContext): Promise<number | null> {
  assertCan(ctx, "settings:read");
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { clickRetentionMonths: true } });
  return tenant.clickRetentionMonths;
}

export async function updateClickRetention(ctx: TenantContext, input: z.output<typeof clickRetentionInput>): Promise<void> {
  assertCan(ctx, "settings:manage");
  if (ctx.role !== "owner") throw new ForbiddenError();
  const before = await getClickRetention(ctx);
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { clickRetentionMonths: input.clickRetentionMonths } });
  await recordAudit(ctx, {
    action: "settings.updated",
    entityType: "Tenant",
    entityId: ctx.tenantId,
    data: { clickRetentionMonths: input.clickRetentionMonths, previous: before },
  });
}
