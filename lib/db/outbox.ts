import { prisma } from "./client";

export function storeEmail(mail: { tenantId?: string | null; to: string; subject: string; text: string; html?: string }) {
  return prisma.outboxEmail.create({
    data: { tenantId: mail.tenantId ?? null, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html },
  });
}

export function markEmail(id: string, result: { status: "sent" | "failed"; error?: string }) {
  return prisma.outboxEmail.update({
    where: { id },
    data: { status: result.status, error: result.error ?? null, sentAt: result.status === "sent" ? new Date() : null },
  });
}

/** Development only: the latest stored mails across all tenants (sign-in links are tenant-less). */
export function latestEmails(limit = 50) {
  return prisma.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
