import type { Locale } from "@/lib/i18n/settings";

/** A text in the language it is written in; `fallback` when that is not the viewer's language. */
export type LocalizedText = { text: string; lang: Locale; fallback: boolean };

/**
 * The viewer's language when that version exists, else the other one, marked as a fallback so
 * the page can say so and set `lang` on it. Null when neither exists.
 */
export function pickLocalized(locale: Locale, versions: { en: string | null; ru: string | null }): LocalizedText | null {
  const own = versions[locale]?.trim();
  if (own) return { text: own, lang: locale, fallback: false };
  const otherLang: Locale = locale === "en" ? "ru" : "en";
  const other = versions[otherLang]?.trim();
  return other ? { text: other, lang: otherLang, fallback: true } : null;
}

type Texts = { titleEn: string | null; titleRu: string | null; descriptionEn: string | null; descriptionRu: string | null };

/** The title and description an opportunity shows to a viewer (at least one title always exists). */
export function opportunityText(locale: Locale, o: Texts) {
  const title = pickLocalized(locale, { en: o.titleEn, ru: o.titleRu }) ?? { text: "—", lang: locale, fallback: false };
  const description = pickLocalized(locale, { en: o.descriptionEn, ru: o.descriptionRu });
  return { title, description };
}
