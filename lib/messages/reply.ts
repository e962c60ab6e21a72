// Replies in a direct message's thread. Announcements have no thread: a reply to one is refused.
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { notifyStaff } from "@/lib/notifications/notify-staff";
import { messageIn } from "./localized";
import type { ReplyInput } from "./schemas";

/**
 * The partner answers a direct message addressed to them. Staff who may act on partners are told
 * (notification `message_reply`, in the reply's transaction, once per reply).
 */
export async function replyAsPartner(ctx: PartnerContext, messageId: string, input: ReplyInput): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.messageRecipient.findFirst({
      where: { messageId, partnerId: ctx.partnerId },
      select: { message: { select: { id: true, audience: true, subjectEn: true, bodyEn: true, subjectRu: true, bodyRu: true } } },
    });
    if (!row) throw new NotFoundError();
    if (row.message.audience !== "partner") throw new DomainError("message_reply_not_allowed");
    const reply = await tx.messageReply.create({
      data: { tenantId: ctx.tenantId, messageId, authorKind: "partner", authorUserId: ctx.userId, body: input.body },
    });
    await notifyStaff(tx, {
      tenantId: ctx.tenantId, kind: "message_reply", dedupeKey: `message_reply:${reply.id}`,
      params: {
        messageId, partnerName: ctx.partnerName,
        subjectEn: row.message.subjectEn ? messageIn("en", row.message).subject : null,
        subjectRu: row.message.subjectRu ? messageIn("ru", row.message).subject : null,
      },
    });
    return { id: reply.id };
  });
}

/** Staff answer in a direct message's thread; the partner's copy becomes unread again. */
export async function replyAsStaff(ctx: TenantContext, messageId: string, input: ReplyInput): Promise<{ id: string }> {
  assertCan(ctx, "partners:write");
  return ctx.db.$transaction(async (tx) => {
    const message = await tx.message.findFirst({ where: { id: messageId }, select: { id: true, audience: true } });
    if (!message) throw new NotFoundError();
    if (message.audience !== "partner") throw new DomainError("message_reply_not_allowed");
    const reply = await tx.messageReply.create({ data: { tenantId: ctx.tenantId, messageId, authorKind: "staff", authorUserId: ctx.userId, body: input.body } });
    await tx.messageRecipient.updateMany({ where: { messageId }, data: { readAt: null } });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, { action: "message.replied", entityType: "Message", entityId: messageId, data: { replyId: reply.id } });
    return { id: reply.id };
  });
}
