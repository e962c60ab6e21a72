// Partners' e-mails about new messages, sent by the job `mail:partner-messages` (./mail-job.ts): per
// partner ONE mail with every message not yet mailed, in the partner's language — at once for
// partners on instant e-mails, in the daily digest at 08:00 agency time for the others (the same
// choice as their status e-mails, Partner.noticeMode).
//
// Exactly once, across workers and crashes (as the partner digest, lib/referrals/partner-digest.ts):
// the partner's MessageRecipient rows are claimed with FOR UPDATE SKIP LOCKED, the mail is stored in
// the outbox and the rows are marked mailed with its id — all in one transaction. A job killed before
// the commit leaves the rows unmailed and no mail stored; the rerun sends them once.
import { baseUrl } from "@/lib/base-url";
import { systemContext } from "@/lib/auth/contexts/system";
import { isLocale } from "@/lib/i18n/settings";
import { storeEmail } from "@/lib/mail/outbox";
import { deliverStoredMail } from "@/lib/mail/send-mail";
import { log } from "@/lib/ops/log";
import { partnersWithDueMessages } from "./due-partners";
import { composeMessageMail } from "./mail-text";

const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;

export type MessageSweepOptions = { now?: Date; appUrl?: string; limit?: number };
export type MessageSweepResult = { mails: number; messages: number };

export async function sweepMessageMail(options: MessageSweepOptions = {}): Promise<MessageSweepResult> {
  const now = options.now ?? new Date();
  const appUrl = options.appUrl ?? baseUrl();
  const result: MessageSweepResult = { mails: 0, messages: 0 };
  for (const due of await partnersWithDueMessages(systemContext("message-mail"), now, options.limit ?? 200)) {
    try {
      const sent = await sendMessageMail(due.tenantId, due.partnerId, { now, appUrl, cutoff: due.cutoff });
      if (sent?.mail) {
        result.mails++;
        result.messages += sent.messages;
      }
    } catch (error) {
      log().error({ err: error, partnerId: due.partnerId }, "message mail: sending failed");
    }
  }
  return result;
}

type Claimed = { id: string };

/**
 * One partner's mail: their unmailed messages created up to `cutoff`, in the tenant's scope (RLS).
 * Null when another sweep holds them or nothing is left. A partner who is no longer active gets no
 * mail; their rows are settled (mailedAt without a mail), so a later return does not mail a backlog.
 */
export async function sendMessageMail(tenantId: string, partnerId: string, at: { now: Date; appUrl: string; cutoff: Date }) {
  const db = systemContext("message-mail").forTenant(tenantId);
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      SELECT "id" FROM "MessageRecipient"
      WHERE "tenantId" = ${tenantId} AND "partnerId" = ${partnerId} AND "mailedAt" IS NULL AND "createdAt" <= ${at.cutoff}
      ORDER BY "createdAt", "id"
      FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return null;
    const ids = claimed.map((c) => c.id);
    const rows = await tx.messageRecipient.findMany({
      where: { id: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { message: { select: { id: true, audience: true, subjectEn: true, bodyEn: true, subjectRu: true, bodyRu: true } } },
    });
    const partner = await tx.partner.findFirst({ where: { id: partnerId, status: "active" }, select: { name: true, email: true, preferredLocale: true, noticeMode: true } });
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { name: true, slug: true } });
    let mail: { tenantId: string; to: string; subject: string; text: string } | null = null;
    let outboxEmailId: string | null = null;
    if (partner && tenant) {
      const locale = isLocale(partner.preferredLocale) ? partner.preferredLocale : "en";
      const composed = composeMessageMail({
        locale, partnerName: partner.name, tenant, baseUrl: at.appUrl, messages: rows.map((r) => r.message), digest: partner.noticeMode === "digest",
      });
      mail = { tenantId, to: partner.email, ...composed };
      outboxEmailId = (await storeEmail(mail, tx)).id;
    }
    const { count } = await tx.messageRecipient.updateMany({ where: { id: { in: ids }, mailedAt: null }, data: { mailedAt: at.now, outboxEmailId } });
    if (count !== ids.length) throw new Error("message recipients changed while claimed"); // cannot happen under the row locks
    return { mail, outboxEmailId, messages: ids.length };
  }, TX_OPTIONS);
  if (done?.mail && done.outboxEmailId) deliverStoredMail(done.outboxEmailId, done.mail);
  return done;
}
