import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { workspaceSettingsInput } from "./schemas";

export async function getWorkspace(ctx: TenantContext) {
  assertCan(ctx, "settings:read");
  return ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId } });
}

export async function updateWorkspace(ctx: TenantContext, input: z.output<typeof workspaceSettingsInput>) {
  assertCan(ctx, "settings:manage");
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: input });
  await recordAudit(ctx, { action: "settings.updated", entityType: "Tenant", entityId: ctx.tenantId, data: input });
}
