import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { log } from "@/lib/ops/log";
import { enqueueMessageMail } from "./mail-job";
import type { ComposeMessageInput } from "./schemas";

/**
 * Staff send a message: a direct one to an active partner, or an announcement to the active
 * partners enrolled in a (not archived) program. Each of them gets a MessageRecipient row in the
 * same transaction (their inbox item); partners who join the program later do not get past
 * announcements. Every id is looked up through the tenant's client, so a foreign id is "not found".
 * The e-mails go out from the job queue (./mail.ts), enqueued once the rows have committed.
 */
export async function sendMessage(ctx: TenantContext, input: ComposeMessageInput): Promise<{ id: string; recipients: number }> {
  assertCan(ctx, "partners:write");
  const sent = await ctx.db.$transaction(async (tx) => {
    let partnerIds: string[];
    if (input.audience === "partner") {
      const partner = await tx.partner.findFirst({ where: { id: input.partnerId! }, select: { id: true, status: true } });
      if (!partner) throw new NotFoundError();
      if (partner.status !== "active") throw new DomainError("message_partner_inactive");
      partnerIds = [partner.id];
    } else {
      const program = await tx.program.findFirst({ where: { id: input.programId! }, select: { id: true, archivedAt: true } });
      if (!program) throw new NotFoundError();
      if (program.archivedAt) throw new DomainError("message_program_archived");
      const enrolled = await tx.programPartner.findMany({
        where: { programId: program.id, partner: { status: "active" } },
        select: { partnerId: true },
        orderBy: { createdAt: "asc" },
      });
      partnerIds = enrolled.map((e) => e.partnerId);
      if (partnerIds.length === 0) throw new DomainError("message_no_recipients");
    }
    const message = await tx.message.create({
      data: {
        tenantId: ctx.tenantId, audience: input.audience,
        partnerId: input.audience === "partner" ? partnerIds[0] : null,
        programId: input.audience === "program" ? input.programId : null,
        subjectEn: input.subjectEn, bodyEn: input.subjectEn ? input.bodyEn : null,
        subjectRu: input.subjectRu, bodyRu: input.subjectRu ? input.bodyRu : null,
        authorUserId: ctx.userId,
      },
    });
    await tx.messageRecipient.createMany({ data: partnerIds.map((partnerId) => ({ tenantId: ctx.tenantId, messageId: message.id, partnerId })) });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "message.sent", entityType: "Message", entityId: message.id,
      data: { audience: input.audience, partnerId: message.partnerId, programId: message.programId, recipients: partnerIds.length, languages: [input.subjectEn ? "en" : null, input.subjectRu ? "ru" : null].filter(Boolean) as string[] },
    });
    return { id: message.id, recipients: partnerIds.length };
  });
  // A lost enqueue delays the mails by at most a minute: the crontab runs the sweep every minute.
  await enqueueMessageMail().catch((err: unknown) => log().warn({ err }, "messages: could not enqueue the mail sweep"));
  return sent;
}
