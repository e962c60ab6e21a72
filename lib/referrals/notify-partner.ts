import type { ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantDb } from "@/lib/db/tenant-client";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";

export type PartnerNotice = {
  referralId: string;
  partnerId: string | null;
  subjectName: string;
  to: ReferralStatus;
  note: string | null;
  internal: boolean;
  rejectReason: string | null;
};

/**
 * Tells the partner that their referral moved, in the partner's own language. An internal note
 * never leaves the agency; a rejection reason is shown the way the portal shows it (a duplicate
 * is only "already known to the agency"). Runs after the change has committed.
 */
export async function notifyPartner(db: TenantDb, tenant: { tenantId: string; slug: string; name: string }, notice: PartnerNotice, appUrl?: string) {
  if (!notice.partnerId) return;
  const partner = await db.partner.findFirst({
    where: { id: notice.partnerId, status: { notIn: ["removed", "declined"] } },
    select: { name: true, email: true, preferredLocale: true },
  });
  if (!partner) return;
  const locale = isLocale(partner.preferredLocale) ? partner.preferredLocale : "en";
  const t = createI18n(locale).getFixedT(locale, "referrals");
  const status = t(`statusInSentence.${notice.to}`);
  const base = appUrl ?? process.env.APP_URL;
  const lines = [
    t("mail.greeting", { name: partner.name }),
    "",
    t("mail.changed", { subject: notice.subjectName, agency: tenant.name, status }),
    notice.to === "rejected" && notice.rejectReason ? t("mail.reason", { reason: t(`partnerRejectReason.${notice.rejectReason}`) }) : null,
    notice.note && !notice.internal ? t("mail.note", { note: notice.note }) : null,
    base ? `\n${t("mail.link", { url: `${base.replace(/\/+$/, "")}/${locale}/p/${tenant.slug}/referrals/${notice.referralId}` })}` : null,
    "",
    t("mail.signature", { agency: tenant.name }),
  ];
  await sendMail({
    tenantId: tenant.tenantId,
    to: partner.email,
    subject: t("mail.subject", { subject: notice.subjectName, status }),
    text: lines.filter((l) => l !== null).join("\n"),
  });
}
