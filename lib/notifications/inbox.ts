// A staff member's inbox. Every query is the caller's own rows in the caller's tenant: the tenant by
// the scoped client and row-level security, the recipient by `userId: ctx.userId` in every where.
// Any staff member may read their own notifications (no permission beyond membership).
import type { TenantContext } from "@/lib/auth/contexts/tenant";

export const INBOX_PAGE_SIZE = 50;

export type InboxItem = { id: string; kind: string; params: unknown; createdAt: Date; readAt: Date | null };

export function listNotifications(ctx: TenantContext, options: { unreadOnly?: boolean; take?: number } = {}): Promise<InboxItem[]> {
  return ctx.db.staffNotification.findMany({
    where: { userId: ctx.userId, ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? INBOX_PAGE_SIZE,
    select: { id: true, kind: true, params: true, createdAt: true, readAt: true },
  });
}

/** The badge in the staff navigation. */
export function unreadCount(ctx: TenantContext): Promise<number> {
  return ctx.db.staffNotification.count({ where: { userId: ctx.userId, readAt: null } });
}

/** Marks one of the caller's items read; someone else's id (or another tenant's) changes nothing. */
export async function markNotificationRead(ctx: TenantContext, id: string): Promise<boolean> {
  const { count } = await ctx.db.staffNotification.updateMany({ where: { id, userId: ctx.userId, readAt: null }, data: { readAt: new Date() } });
  return count === 1;
}

export async function markAllNotificationsRead(ctx: TenantContext): Promise<number> {
  const { count } = await ctx.db.staffNotification.updateMany({ where: { userId: ctx.userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
