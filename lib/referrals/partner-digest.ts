// Partner status e-mails, batched: staff moves record PartnerNotice rows (./notify-partner.ts); this
// sweep sends each partner ONE e-mail for everything that happened to their referrals since the
// oldest unsent notice, once that notice is PARTNER_MAIL_DELAY_SECONDS old (docs/decisions.md) — or,
// for a partner who chose the daily digest (Partner.noticeMode), once a day after 08:00 agency time.
//
// Exactly once, across instances and crashes: a partner's notices are claimed with
// FOR UPDATE SKIP LOCKED, the mail is stored in the outbox and the notices are marked sent with its
// id — all in one transaction. A second sweep skips rows the first one holds; a crash before the
// commit leaves the notices unsent and no mail stored. SMTP delivery follows the commit, as sendMail
// does it.
import { baseUrl } from "@/lib/base-url";
import { systemContext } from "@/lib/auth/contexts/system";
import { isLocale } from "@/lib/i18n/settings";
import { recipientTimeZone } from "@/lib/kernel/time-zone";
import { storeEmail } from "@/lib/mail/outbox";
import { deliverStoredMail } from "@/lib/mail/send-mail";
import { partnersWithDueNotices } from "./partner-notices-due";
import { composePartnerDigest, latestPerReferral } from "./partner-digest-mail";
import { TX_OPTIONS } from "./tx";
import { log } from "@/lib/ops/log";

export const DEFAULT_PARTNER_MAIL_DELAY_SECONDS = 300;

/** PARTNER_MAIL_DELAY_SECONDS: whole seconds ≥ 0, default 300. */
export function partnerMailDelaySeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PARTNER_MAIL_DELAY_SECONDS?.trim();
  if (!raw) return DEFAULT_PARTNER_MAIL_DELAY_SECONDS;
  if (!/^\d+$/.test(raw)) throw new Error(`PARTNER_MAIL_DELAY_SECONDS must be a whole number of seconds, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

export type SweepOptions = {
  /** Default: PARTNER_MAIL_DELAY_SECONDS. Tests pass 0. */
  delaySeconds?: number;
  now?: Date;
  /** Default: the configured base URL (lib/base-url.ts). */
  appUrl?: string;
  /** Partners handled per sweep; the rest wait for the next one. */
  limit?: number;
};

export type SweepResult = { mails: number; notices: number; dropped: number };

/**
 * One sweep over every tenant: finds the partners whose oldest unsent notice is due (as the owner:
 * ./partner-notices-due.ts), then sends each one's digest inside that tenant's scope. One
 * partner's failure is logged and does not stop the others; their notices stay unsent.
 */
export async function sweepPartnerNotices(options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.delaySeconds ?? partnerMailDelaySeconds()) * 1000);
  const appUrl = options.appUrl ?? baseUrl();
  const result: SweepResult = { mails: 0, notices: 0, dropped: 0 };
  for (const due of await partnersWithDueNotices(systemContext("partner-mail"), cutoff, options.limit ?? 200, now)) {
    const { tenantId, partnerId } = due;
    try {
      // A digest partner's cutoff is the agency's latest 08:00; an instant partner's, the delay ago.
      const sent = await sendPartnerDigest(tenantId, partnerId, { cutoff: due.cutoff, now, appUrl });
      if (!sent) continue;
      if (sent.outboxEmailId) {
        result.mails++;
        result.notices += sent.notices;
      } else {
        result.dropped += sent.notices;
      }
    } catch (error) {
      log().error({ err: error, partnerId }, "partner mail: digest failed");
    }
  }
  return result;
}

type Claimed = { id: string; createdAt: Date };

/**
 * Sends one partner's unsent notices as one e-mail, in the tenant's scope (row-level security
 * applies). Returns null when there is nothing due to send: another sweep holds the notices, or
 * the ones left are newer than `cutoff`. A partner who was removed or declined since gets nothing;
 * their notices are closed without a mail.
 */
export async function sendPartnerDigest(tenantId: string, partnerId: string, at: { cutoff: Date; now: Date; appUrl: string }) {
  const db = systemContext("partner-mail").forTenant(tenantId);
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      SELECT "id", "createdAt" FROM "PartnerNotice"
      WHERE "tenantId" = ${tenantId} AND "partnerId" = ${partnerId} AND "sentAt" IS NULL
      ORDER BY "createdAt", "id"
      FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0 || claimed[0].createdAt > at.cutoff) return null;
    const ids = claimed.map((c) => c.id);
    const notices = await tx.partnerNotice.findMany({
      where: { id: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { referralId: true, toStatus: true, note: true, rejectReason: true, createdAt: true, referral: { select: { subjectName: true } } },
    });
    const partner = await tx.partner.findFirst({
      where: { id: partnerId, status: { notIn: ["removed", "declined"] } },
      select: { name: true, email: true, preferredLocale: true, user: { select: { timeZone: true } } },
    });
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { name: true, slug: true, timeZone: true } });
    let mail: { tenantId: string; to: string; subject: string; text: string } | null = null;
    let outboxEmailId: string | null = null;
    if (partner && tenant) {
      const locale = isLocale(partner.preferredLocale) ? partner.preferredLocale : "en";
      const items = latestPerReferral(notices.map((n) => ({ ...n, subjectName: n.referral.subjectName })));
      mail = { tenantId, to: partner.email, ...composePartnerDigest({ locale, partnerName: partner.name, tenant, baseUrl: at.appUrl, items, timeZone: recipientTimeZone(partner.user, tenant) }) };
      outboxEmailId = (await storeEmail(mail, tx)).id;
    }
    const { count } = await tx.partnerNotice.updateMany({ where: { id: { in: ids }, sentAt: null }, data: { sentAt: at.now, outboxEmailId } });
    if (count !== ids.length) throw new Error("partner notices changed while claimed"); // cannot happen under the row locks
    return { mail, outboxEmailId, notices: ids.length };
  }, TX_OPTIONS);
  if (done?.mail && done.outboxEmailId) deliverStoredMail(done.outboxEmailId, done.mail);
  return done;
}
