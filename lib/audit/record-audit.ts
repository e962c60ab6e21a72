import type { Prisma } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";

export type AuditEntry = { action: string; entityType: string; entityId?: string; data?: Prisma.InputJsonValue };

/** Who acts: a staff member, a partner's user, or the system itself (null). */
export type AuditActor = { tenantId: string; userId: string | null };

/** An audit entry for a change that has been made through `ctx.db`, by the context's user. */
export async function recordAudit(ctx: TenantContext, entry: AuditEntry) {
  await ctx.db.auditLog.create({
    data: { tenantId: ctx.tenantId, actorUserId: ctx.userId, ...entry },
  });
}

/** An audit entry written inside the caller's transaction, so it commits or rolls back with the change. */
export function auditIn(tx: TenantTx, actor: AuditActor, entry: AuditEntry & { entityId: string }) {
  return tx.auditLog.create({ data: { tenantId: actor.tenantId, actorUserId: actor.userId, ...entry } });
}
