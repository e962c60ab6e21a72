import { createI18n } from "@/lib/i18n/instance";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";

type Recipient = { name: string; email: string; preferredLocale: string };

/** Partner mail is written in the partner's language, whatever language the staff member uses. */
export function partnerLocale(partner: { preferredLocale: string }): Locale {
  return isLocale(partner.preferredLocale) ? partner.preferredLocale : "en";
}

function translator(partner: Recipient) {
  const locale = partnerLocale(partner);
  return createI18n(locale).getFixedT(locale, "partners");
}

export async function sendPartnerInviteMail(
  tenant: { tenantId: string; name: string },
  partner: Recipient,
  invite: { url: string; days: number; programs: string[] },
) {
  const t = translator(partner);
  const programs = invite.programs.length
    ? t("mail.invite.programs", { list: invite.programs.map((p) => `• ${p}`).join("\n") })
    : "";
  await sendMail({
    tenantId: tenant.tenantId,
    to: partner.email,
    subject: t("mail.invite.subject", { agency: tenant.name }),
    text: t("mail.invite.body", { name: partner.name, agency: tenant.name, programs, url: invite.url, validFor: t("mail.invite.validFor", { count: invite.days }) }),
  });
}

/** The decline reason stays internal: it is written for colleagues, often in another language. */
export async function sendApplicationDeclinedMail(tenant: { tenantId: string; name: string }, partner: Recipient) {
  const t = translator(partner);
  await sendMail({
    tenantId: tenant.tenantId,
    to: partner.email,
    subject: t("mail.declined.subject", { agency: tenant.name }),
    text: t("mail.declined.body", { name: partner.name, agency: tenant.name }),
  });
}
