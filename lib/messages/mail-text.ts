// The e-mail telling a partner about new messages, in the partner's language. Pure: no database, no
// clock. Plain text: the bodies go out as typed.
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { messageIn, type MessageTexts } from "./localized";

export type MessageMailInput = {
  locale: Locale;
  partnerName: string;
  tenant: { name: string; slug: string };
  /** The configured public base URL (lib/base-url.ts), never a request's host. */
  baseUrl: string;
  messages: readonly (MessageTexts & { id: string; audience: "partner" | "program" })[];
  digest: boolean;
};

export function composeMessageMail({ locale, partnerName, tenant, baseUrl, messages, digest }: MessageMailInput): { subject: string; text: string } {
  if (messages.length === 0) throw new Error("a message mail needs at least one message");
  const t = createI18n(locale).getFixedT(locale, "messages");
  const portal = `${baseUrl.replace(/\/+$/, "")}/${locale}/p/${tenant.slug}/messages`;
  const shown = messages.map((m) => ({ ...m, text: messageIn(locale, m) }));
  const note = (m: (typeof shown)[number]) => (m.text.fallback ? [t(`mail.writtenIn.${m.text.lang}`)] : []);
  const one = shown.length === 1 ? shown[0] : null;
  const subject = one && !digest
    ? t("mail.subjectOne", { subject: one.text.subject, agency: tenant.name })
    : t("mail.subjectMany", { count: shown.length, agency: tenant.name });
  const blocks = shown.flatMap((m) => [
    `— ${m.text.subject}`,
    ...note(m),
    "",
    m.text.body,
    "",
    t(m.audience === "partner" ? "mail.openAndReply" : "mail.open", { url: `${portal}/${m.id}` }),
    "",
  ]);
  const text = [
    t("mail.greeting", { name: partnerName }),
    "",
    t(digest ? "mail.introDigest" : "mail.intro", { count: shown.length, agency: tenant.name }),
    "",
    ...blocks,
    t("mail.inbox", { url: portal }),
    t("mail.settings", { url: `${baseUrl.replace(/\/+$/, "")}/${locale}/p/${tenant.slug}/account` }),
  ].join("\n");
  return { subject, text };
}
