// The text of a staff notification e-mail, in the recipient's language. Pure: no database, no clock.
import { formatDateTime } from "@/lib/i18n/format";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { renderNotification, type StoredNotification } from "./render";

export type StaffMailInput = {
  locale: Locale;
  tenant: { name: string; slug: string };
  /** The configured public base URL (lib/base-url.ts), never a request's host. */
  baseUrl: string;
  /** Each item with the time it happened, shown in `timeZone` (the recipient's, lib/kernel/time-zone.ts recipientTimeZone). */
  items: readonly (StoredNotification & { createdAt: Date })[];
  timeZone: string;
  digest: boolean;
};

export function composeStaffMail({ locale, tenant, baseUrl, items, timeZone, digest }: StaffMailInput): { subject: string; text: string } {
  if (items.length === 0) throw new Error("a staff mail needs at least one item");
  const i18n = createI18n(locale);
  const t = i18n.getFixedT(locale, ["notifications", "referrals"]);
  const staffBase = `${baseUrl.replace(/\/+$/, "")}/${locale}/t/${tenant.slug}`;
  const rendered = items.map((item) => renderNotification(t, locale, item));
  const subject = items.length === 1 && !digest
    ? t("notifications:mail.subjectOne", { title: rendered[0].title, agency: tenant.name })
    : t(digest ? "notifications:mail.subjectDigest" : "notifications:mail.subjectMany", { count: items.length, agency: tenant.name });
  // The time in the recipient's zone with its label («01.12.2026, 06:00 (МСК)»): a mail is read away from the app.
  const lines = rendered.flatMap((r, i) => [
    `• ${r.title}`, `  ${formatDateTime({ locale, timeZone }, items[i].createdAt)}`, ...(r.text ? [`  ${r.text}`] : []), `  ${staffBase}/${r.path}`, "",
  ]);
  const text = [
    t(digest ? "notifications:mail.introDigest" : "notifications:mail.intro", { count: items.length, agency: tenant.name }),
    "",
    ...lines,
    t("notifications:mail.inbox", { url: `${staffBase}/notifications` }),
    t("notifications:mail.settings", { url: `${staffBase}/notifications/settings` }),
  ].join("\n");
  return { subject, text };
}
