// A message in one reader's language: the version written in it, else the other one, marked as a
// fallback so the reader is told which language it was written in. Pure.
import type { Locale } from "@/lib/i18n/settings";

export type MessageTexts = { subjectEn: string | null; bodyEn: string | null; subjectRu: string | null; bodyRu: string | null };
export type LocalizedMessage = { subject: string; body: string; lang: Locale; fallback: boolean };

function version(m: MessageTexts, lang: Locale): { subject: string; body: string } | null {
  const subject = lang === "ru" ? m.subjectRu : m.subjectEn;
  const body = lang === "ru" ? m.bodyRu : m.bodyEn;
  return subject && body ? { subject, body } : null;
}

export function messageIn(locale: Locale, m: MessageTexts): LocalizedMessage {
  const own = version(m, locale);
  if (own) return { ...own, lang: locale, fallback: false };
  const other: Locale = locale === "ru" ? "en" : "ru";
  const theirs = version(m, other);
  // The database allows no message without a language (Message_language_check).
  if (!theirs) throw new Error("a message without any language version");
  return { ...theirs, lang: other, fallback: true };
}
