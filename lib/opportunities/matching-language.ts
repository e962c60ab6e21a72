import type { Market } from "@/lib/db/generated/enums";
import type { languages } from "@/lib/directory/platforms";
import type { Locale } from "@/lib/i18n/settings";

type Language = (typeof languages)[number];

/**
 * The languages of each market's audience, the one the agency works in first. Outside the US the
 * agency serves Russian-speaking audiences (Russia, Kazakhstan, Armenia, Georgia and the diaspora
 * in the UAE and the EU), so Russian comes first there and the local language second.
 */
export const marketLanguages: Readonly<Record<Market, readonly [Language, ...Language[]]>> = {
  US: ["en"],
  RU: ["ru"],
  KZ: ["ru", "kk"],
  AM: ["ru", "hy"],
  GE: ["ru", "ka"],
  AE: ["ru", "en"],
  EU: ["ru", "en"],
};

export function primaryLanguage(market: Market): Language {
  return marketLanguages[market][0];
}

/**
 * The language to write to a directory record in (our mail exists in English and Russian):
 * Russian when they speak Russian and either do not list English or work in a Russian-speaking
 * market; with no languages on file, the first language of their market; else English.
 * A US creator listing ["en", "ru"] gets English, a KZ creator listing ["ru", "kk"] Russian.
 */
export function recipientLocale(record: { market: Market; languages: readonly string[] }): Locale {
  const spoken = record.languages.map((l) => l.toLowerCase());
  const russianMarket = primaryLanguage(record.market) === "ru";
  if (spoken.length === 0) return russianMarket ? "ru" : "en";
  if (spoken.includes("ru") && (!spoken.includes("en") || russianMarket)) return "ru";
  return "en";
}
