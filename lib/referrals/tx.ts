import type { Prisma } from "@/lib/db/generated/client";
import type { TenantDb } from "@/lib/db/tenant-client";

/** The tenant-scoped client inside `ctx.db.$transaction(async (tx) => …)`. */
export type TenantTx = Parameters<Extract<Parameters<TenantDb["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/** Who acts: a staff member, a partner's user, or the system itself (null). */
export type AuditActor = { tenantId: string; userId: string | null };

/** An audit entry written inside the caller's transaction, so it commits or rolls back with the change. */
export function auditIn(tx: TenantTx, actor: AuditActor, entry: { action: string; entityType: string; entityId: string; data?: Prisma.InputJsonValue }) {
  return tx.auditLog.create({ data: { tenantId: actor.tenantId, actorUserId: actor.userId, ...entry } });
}

/** Interactive transactions here wait on advisory locks; give them room beyond Prisma's 5 s default. */
export const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;
