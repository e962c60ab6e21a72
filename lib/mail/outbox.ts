// The mail outbox. Mail is stored as the owner (lib/db/owner.ts's outbox handle): sign-in links and
// system mail have no tenant, and the dev outbox lists every tenant's. The partner-mail sweep passes
// its tenant transaction instead, so its mail commits with the notices it reports.
import { outboxDb } from "@/lib/db/owner";

export type StoredMail = { tenantId?: string | null; to: string; subject: string; text: string; html?: string };

/** Anything that can insert an outbox row: the raw client, or a tenant transaction (the partner-mail sweep). */
type OutboxWriter = { outboxEmail: { create(args: { data: { tenantId: string | null; to: string; subject: string; text: string; html?: string } }): PromiseLike<{ id: string }> } };

/** Stores a mail in the outbox; pass a transaction to store it together with the rows it reports. */
export function storeEmail(mail: StoredMail, db: OutboxWriter = outboxDb()) {
  return db.outboxEmail.create({
    data: { tenantId: mail.tenantId ?? null, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html },
  });
}

export function markEmail(id: string, result: { status: "sent" | "failed"; error?: string }) {
  return outboxDb().outboxEmail.update({
    where: { id },
    data: { status: result.status, error: result.error ?? null, sentAt: result.status === "sent" ? new Date() : null },
  });
}

/** Development only: the latest stored mails across all tenants (sign-in links are tenant-less). */
export function latestEmails(limit = 50) {
  return outboxDb().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
