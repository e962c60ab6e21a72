// A partner's messages in the portal. Every query is the caller's own rows: the tenant by the scoped
// client and row-level security, the partner by `partnerId: ctx.partnerId` in every where. Another
// partner's message (or another tenant's) is "not found", like a missing one.
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { NotFoundError } from "@/lib/kernel/errors";

const messageFields = { id: true, audience: true, subjectEn: true, bodyEn: true, subjectRu: true, bodyRu: true, createdAt: true } as const;

export function listPartnerMessages(ctx: PartnerContext, take = 100) {
  return ctx.db.messageRecipient.findMany({
    where: { partnerId: ctx.partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, readAt: true, message: { select: { ...messageFields, _count: { select: { replies: true } } } } },
  });
}

/** The badge in the portal menu. */
export function partnerUnreadMessages(ctx: PartnerContext): Promise<number> {
  return ctx.db.messageRecipient.count({ where: { partnerId: ctx.partnerId, readAt: null } });
}

/**
 * One of the partner's messages with its thread (direct messages only), marked read. `wasUnread`
 * says whether this opening read it (the page then refreshes the menu's badge).
 */
export async function openPartnerMessage(ctx: PartnerContext, messageId: string) {
  const row = await ctx.db.messageRecipient.findFirst({
    where: { messageId, partnerId: ctx.partnerId },
    select: { id: true, readAt: true, message: { select: messageFields } },
  });
  if (!row) throw new NotFoundError();
  let wasUnread = false;
  if (!row.readAt) {
    const { count } = await ctx.db.messageRecipient.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: new Date() } });
    wasUnread = count === 1;
  }
  const replies = row.message.audience === "partner"
    ? await ctx.db.messageReply.findMany({ where: { messageId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, authorKind: true, body: true, createdAt: true } })
    : [];
  return { message: row.message, replies, wasUnread };
}
