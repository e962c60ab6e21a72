// Staff notification e-mails, sent by the job `mail:staff-notifications` (lib/jobs/tasks.ts) every
// minute: per recipient ONE mail with every item not yet mailed — instant: once the oldest is a
// minute old (a burst becomes one mail); digest: the items before the agency's 08:00, once a day.
//
// Exactly once, across workers and crashes (as the partner digest, lib/referrals/partner-digest.ts):
// the recipient's items are claimed with FOR UPDATE SKIP LOCKED, the mail is stored in the outbox and
// the items are marked mailed with its id — all in one transaction. A job killed before the commit
// leaves the items unmailed and no mail stored; the rerun sends them once. SMTP follows the commit.
import { baseUrl } from "@/lib/base-url";
import { systemContext } from "@/lib/auth/contexts/system";
import { isLocale } from "@/lib/i18n/settings";
import { recipientTimeZone } from "@/lib/kernel/time-zone";
import { storeEmail } from "@/lib/mail/outbox";
import { deliverStoredMail } from "@/lib/mail/send-mail";
import { log } from "@/lib/ops/log";
import { recipientsWithDueItems } from "./due-recipients";
import { composeStaffMail } from "./mail-text";

export const STAFF_MAIL_TASK = "mail:staff-notifications";
/** A burst of items within this many seconds goes out as one mail. */
export const INSTANT_COALESCE_SECONDS = 60;
const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;

export type StaffSweepOptions = { now?: Date; coalesceSeconds?: number; appUrl?: string; limit?: number };
export type StaffSweepResult = { mails: number; items: number };

export async function sweepStaffNotifications(options: StaffSweepOptions = {}): Promise<StaffSweepResult> {
  const now = options.now ?? new Date();
  const instantCutoff = new Date(now.getTime() - (options.coalesceSeconds ?? INSTANT_COALESCE_SECONDS) * 1000);
  const appUrl = options.appUrl ?? baseUrl();
  const result: StaffSweepResult = { mails: 0, items: 0 };
  for (const due of await recipientsWithDueItems(systemContext("staff-mail"), now, instantCutoff, options.limit ?? 200)) {
    try {
      const sent = await sendStaffMail(due.tenantId, due.userId, { now, appUrl, cutoff: due.mailMode === "digest" ? due.cutoff : now });
      if (sent) {
        result.mails++;
        result.items += sent.items;
      }
    } catch (error) {
      log().error({ err: error, userId: due.userId }, "staff mail: sending failed");
    }
  }
  return result;
}

type Claimed = { id: string };

/**
 * One recipient's mail: their unmailed items created up to `cutoff`, in the tenant's scope (RLS).
 * Null when another sweep holds them or nothing is left.
 */
export async function sendStaffMail(tenantId: string, userId: string, at: { now: Date; appUrl: string; cutoff: Date }) {
  const db = systemContext("staff-mail").forTenant(tenantId);
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      SELECT "id" FROM "StaffNotification"
      WHERE "tenantId" = ${tenantId} AND "userId" = ${userId} AND "mailedAt" IS NULL AND "createdAt" <= ${at.cutoff}
      ORDER BY "createdAt", "id"
      FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return null;
    const ids = claimed.map((c) => c.id);
    const [items, member, tenant] = [
      await tx.staffNotification.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, params: true, createdAt: true } }),
      await tx.membership.findFirst({ where: { userId }, select: { mailMode: true, user: { select: { email: true, locale: true, timeZone: true } } } }),
      await tx.tenant.findUnique({ where: { id: tenantId }, select: { name: true, slug: true, timeZone: true } }),
    ];
    let mail: { tenantId: string; to: string; subject: string; text: string } | null = null;
    let outboxEmailId: string | null = null;
    if (member && tenant && member.mailMode !== "off") {
      const locale = isLocale(member.user.locale) ? member.user.locale : "en";
      mail = { tenantId, to: member.user.email, ...composeStaffMail({ locale, tenant, baseUrl: at.appUrl, items, timeZone: recipientTimeZone(member.user, tenant), digest: member.mailMode === "digest" }) };
      outboxEmailId = (await storeEmail(mail, tx)).id;
    }
    const { count } = await tx.staffNotification.updateMany({ where: { id: { in: ids }, mailedAt: null }, data: { mailedAt: at.now, outboxEmailId } });
    if (count !== ids.length) throw new Error("staff notifications changed while claimed"); // cannot happen under the row locks
    return { mail, outboxEmailId, items: ids.length };
  }, TX_OPTIONS);
  if (done?.mail && done.outboxEmailId) deliverStoredMail(done.outboxEmailId, done.mail);
  return done?.mail ? done : null;
}
