import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";
import { pickLocalized } from "./localized-text";

/** "Have a look at this opportunity and opt in", in the candidate's language, with the public board link. */
export async function sendMatchInvitationMail(
  tenant: { tenantId: string; slug: string; name: string },
  to: { name: string; email: string; locale: Locale },
  opportunity: { id: string; titleEn: string | null; titleRu: string | null },
  appUrl: string,
) {
  const t = createI18n(to.locale).getFixedT(to.locale, ["opportunities", "referrals"]);
  const title = pickLocalized(to.locale, { en: opportunity.titleEn, ru: opportunity.titleRu })?.text ?? t("review.mail.untitled");
  const url = `${appUrl.replace(/\/+$/, "")}/${to.locale}/o/${tenant.slug}/${opportunity.id}`;
  const vars = { name: to.name, agency: tenant.name, title, url };
  await sendMail({
    tenantId: tenant.tenantId,
    to: to.email,
    subject: t("matching.mail.subject", vars),
    text: [t("referrals:mail.greeting", { name: to.name }), "", t("matching.mail.body", vars), "", t("referrals:mail.signature", { agency: tenant.name })].join("\n"),
  });
}
