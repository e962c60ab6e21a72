// Producing a notification. Call it inside the transaction of the event that causes it: the items
// commit with the event or not at all, and the dedupe key (unique per recipient) makes a second
// call for the same event — a retried job, a replayed webhook — add nothing.
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { Permission } from "@/lib/auth/permissions";
import { rolePermissions } from "@/lib/auth/permissions";
import { audienceOf, type NotificationKind, type NotificationParams } from "./kinds";

export type StaffNotice<K extends NotificationKind = NotificationKind> = {
  tenantId: string;
  kind: K;
  params: NotificationParams[K];
  /** Names the event: the same key for the same event, e.g. `referral_submitted:<id>`. */
  dedupeKey: string;
  /** Default: the kind's audience (./kinds.ts). */
  audience?: Permission;
  /** Nobody is told of their own doing: the staff member whose action caused it. */
  exceptUserId?: string | null;
};

export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((role) => rolePermissions[role].has(permission));
}

/** Adds the item for every staff member of the tenant whose role has the audience's permission. Returns how many were new. */
export async function notifyStaff<K extends NotificationKind>(db: TenantTx | TenantDb, notice: StaffNotice<K>): Promise<number> {
  const members = await db.membership.findMany({
    where: { role: { in: rolesWith(notice.audience ?? audienceOf[notice.kind]) }, ...(notice.exceptUserId ? { userId: { not: notice.exceptUserId } } : {}) },
    select: { userId: true, mailMode: true },
  });
  if (members.length === 0) return 0;
  const now = new Date();
  const { count } = await db.staffNotification.createMany({
    data: members.map((m) => ({
      tenantId: notice.tenantId, userId: m.userId, kind: notice.kind, params: notice.params as Prisma.InputJsonValue,
      dedupeKey: notice.dedupeKey,
      // E-mail off: settled now, so turning e-mail on later does not mail a backlog.
      mailedAt: m.mailMode === "off" ? now : null,
    })),
    skipDuplicates: true,
  });
  return count;
}
