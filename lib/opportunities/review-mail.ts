import type { TenantDb } from "@/lib/db/tenant-client";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";
import { pickLocalized } from "./localized-text";

type Tenant = { tenantId: string; slug: string; name: string };
type Opportunity = { titleEn: string | null; titleRu: string | null };
type Applicant = { name: string; contactEmail: string; locale: string };

const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : "en");
const trimBase = (appUrl?: string) => (appUrl ?? process.env.APP_URL)?.replace(/\/+$/, "") || null;

function translator(locale: Locale) {
  return createI18n(locale).getFixedT(locale, ["opportunities", "referrals"]);
}

function titleIn(o: Opportunity, locale: Locale, t: ReturnType<typeof translator>) {
  return pickLocalized(locale, { en: o.titleEn, ru: o.titleRu })?.text ?? t("review.mail.untitled");
}

/**
 * The applicant hears the decision in the language they opted in with (OptIn.locale), whatever
 * language the staff member works in. A decline never carries the internal note: it is written
 * for colleagues and often in another language.
 */
export async function sendOptInDecisionMail(tenant: Tenant, applicant: Applicant, opportunity: Opportunity, decision: "accepted" | "declined", appUrl?: string) {
  const locale = localeOf(applicant.locale);
  const t = translator(locale);
  const vars = { name: applicant.name, agency: tenant.name, title: titleIn(opportunity, locale, t) };
  const base = trimBase(appUrl);
  const lines = [
    t("referrals:mail.greeting", { name: applicant.name }),
    "",
    t(`review.mail.${decision}.body`, vars),
    decision === "declined" && base ? `\n${t("review.mail.declined.board", { url: `${base}/${locale}/o/${tenant.slug}` })}` : null,
    "",
    t("referrals:mail.signature", { agency: tenant.name }),
  ];
  await sendMail({ tenantId: tenant.tenantId, to: applicant.contactEmail, subject: t(`review.mail.${decision}.subject`, vars), text: lines.filter((l) => l !== null).join("\n") });
}

/**
 * Tells the partner whose share link brought the applicant that the opt-in now counts as their
 * referral, in the partner's language — or, when the subject was already known to the agency,
 * that it was closed as a duplicate (never by whom or why). Runs after the commit.
 */
export async function sendPartnerCreditMail(
  db: TenantDb, tenant: Tenant,
  credit: { partnerId: string | null; referralId: string; subjectName: string; duplicate: boolean; opportunity: Opportunity },
  appUrl?: string,
) {
  if (!credit.partnerId) return;
  const partner = await db.partner.findFirst({
    where: { id: credit.partnerId, status: { notIn: ["removed", "declined"] } },
    select: { name: true, email: true, preferredLocale: true },
  });
  if (!partner) return;
  const locale = localeOf(partner.preferredLocale);
  const t = translator(locale);
  const vars = { subject: credit.subjectName, agency: tenant.name, title: titleIn(credit.opportunity, locale, t) };
  const base = trimBase(appUrl);
  const lines = [
    t("referrals:mail.greeting", { name: partner.name }),
    "",
    t("review.mail.partner.body", vars),
    credit.duplicate ? t("review.mail.partner.duplicate", vars) : null,
    base ? `\n${t("referrals:mail.link", { url: `${base}/${locale}/p/${tenant.slug}/referrals/${credit.referralId}` })}` : null,
    "",
    t("referrals:mail.signature", { agency: tenant.name }),
  ];
  await sendMail({ tenantId: tenant.tenantId, to: partner.email, subject: t("review.mail.partner.subject", vars), text: lines.filter((l) => l !== null).join("\n") });
}
