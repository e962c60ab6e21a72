import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/db/tenant-context";

export async function recordAudit(
  ctx: TenantContext,
  entry: { action: string; entityType: string; entityId?: string; data?: Prisma.InputJsonValue },
) {
  await ctx.db.auditLog.create({
    data: { tenantId: ctx.tenantId, actorUserId: ctx.userId, ...entry },
  });
}
