// Staff: the agency's messages, each with its delivery and read counts, and one message's thread.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";

export const MESSAGE_PAGE_SIZE = 100;

export async function listMessages(ctx: TenantContext) {
  assertCan(ctx, "partners:read");
  const messages = await ctx.db.message.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGE_PAGE_SIZE,
    select: {
      id: true, audience: true, subjectEn: true, bodyEn: true, subjectRu: true, bodyRu: true, createdAt: true,
      partner: { select: { name: true } }, program: { select: { name: true } },
      _count: { select: { recipients: true, replies: true } },
    },
  });
  const read = await ctx.db.messageRecipient.groupBy({
    by: ["messageId"], where: { messageId: { in: messages.map((m) => m.id) }, readAt: { not: null } }, _count: { _all: true },
  });
  const readBy = new Map(read.map((r) => [r.messageId, r._count._all]));
  return messages.map((m) => ({ ...m, recipients: m._count.recipients, replies: m._count.replies, read: readBy.get(m.id) ?? 0 }));
}

export async function getMessageThread(ctx: TenantContext, id: string) {
  assertCan(ctx, "partners:read");
  const message = await ctx.db.message.findFirst({
    where: { id },
    select: {
      id: true, audience: true, subjectEn: true, bodyEn: true, subjectRu: true, bodyRu: true, createdAt: true,
      partner: { select: { id: true, name: true } }, program: { select: { id: true, name: true } },
      author: { select: { name: true, email: true } },
    },
  });
  if (!message) throw new NotFoundError();
  const [recipients, replies] = await Promise.all([
    ctx.db.messageRecipient.findMany({
      where: { messageId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, readAt: true, mailedAt: true, outboxEmailId: true, partner: { select: { id: true, name: true, preferredLocale: true } } },
    }),
    ctx.db.messageReply.findMany({
      where: { messageId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, authorKind: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
    }),
  ]);
  return { message, recipients, replies };
}

/** The composer's choices: active partners and programs that are not archived. */
export async function composeChoices(ctx: TenantContext) {
  assertCan(ctx, "partners:read");
  const [partners, programs] = await Promise.all([
    ctx.db.partner.findMany({ where: { status: "active" }, orderBy: { name: "asc" }, select: { id: true, name: true, preferredLocale: true } }),
    ctx.db.program.findMany({
      where: { archivedAt: null }, orderBy: { name: "asc" },
      select: { id: true, name: true, enrolments: { where: { partner: { status: "active" } }, select: { partner: { select: { preferredLocale: true } } } } },
    }),
  ]);
  return {
    partners,
    programs: programs.map((p) => ({
      id: p.id, name: p.name,
      en: p.enrolments.filter((e) => e.partner.preferredLocale !== "ru").length,
      ru: p.enrolments.filter((e) => e.partner.preferredLocale === "ru").length,
    })),
  };
}
