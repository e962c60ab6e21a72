// The text of a staff notification e-mail, in the recipient's language. Pure: no database, no clock.
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { renderNotification, type StoredNotification } from "./render";

export type StaffMailInput = {
  locale: Locale;
  tenant: { name: string; slug: string };
  /** The configured public base URL (lib/base-url.ts), never a request's host. */
  baseUrl: string;
  items: readonly StoredNotification[];
  digest: boolean;
};

export function composeStaffMail({ locale, tenant, baseUrl, items, digest }: StaffMailInput): { subject: string; text: string } {
  if (items.length === 0) throw new Error("a staff mail needs at least one item");
  const i18n = createI18n(locale);
  const t = i18n.getFixedT(locale, ["notifications", "referrals"]);
  const staffBase = `${baseUrl.replace(/\/+$/, "")}/${locale}/t/${tenant.slug}`;
  const rendered = items.map((item) => renderNotification(t, locale, item));
  const subject = items.length === 1 && !digest
    ? t("notifications:mail.subjectOne", { title: rendered[0].title, agency: tenant.name })
    : t(digest ? "notifications:mail.subjectDigest" : "notifications:mail.subjectMany", { count: items.length, agency: tenant.name });
  const lines = rendered.flatMap((r) => [`• ${r.title}`, ...(r.text ? [`  ${r.text}`] : []), `  ${staffBase}/${r.path}`, ""]);
  const text = [
    t(digest ? "notifications:mail.introDigest" : "notifications:mail.intro", { count: items.length, agency: tenant.name }),
    "",
    ...lines,
    t("notifications:mail.inbox", { url: `${staffBase}/notifications` }),
    t("notifications:mail.settings", { url: `${staffBase}/notifications/settings` }),
  ].join("\n");
  return { subject, text };
}
