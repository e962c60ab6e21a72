// Countries by name in the reader's language. People type «США», "United States" or "us"; the
// database keeps the ISO 3166-1 alpha-2 code. The names come from the runtime's ICU data
// (Intl.DisplayNames), so nothing here needs translating; a few everyday short forms that are not
// ICU's names («США», «РФ», "USA", "UK") are listed by hand.

/** The languages the product speaks (lib/i18n/settings, which the kernel may not import); a test keeps them equal. */
export const SPOKEN = ["en", "ru"] as const;

/** Codes ICU names that are not countries a person lives in (EU, UN, pseudo-locales, islands without an own code in use). */
const NOT_COUNTRIES = new Set(["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"]);

/** Short forms people write that are not the ICU display names, normalised (see `normalizeName`). */
const ALIASES: Record<string, string> = {
  сша: "US", америка: "US", "соединенные штаты америки": "US", usa: "US", america: "US", "united states of america": "US",
  рф: "RU", "российская федерация": "RU", "russian federation": "RU",
  uk: "GB", britain: "GB", "great britain": "GB", england: "GB", англия: "GB", британия: "GB", "великобритания": "GB", "соединенное королевство": "GB",
  uae: "AE", emirates: "AE", эмираты: "AE", "объединенные арабские эмираты": "AE",
  "south korea": "KR", корея: "KR", "южная корея": "KR", "республика корея": "KR",
  holland: "NL", голландия: "NL", "czech republic": "CZ", чехия: "CZ", кнр: "CN",
  белоруссия: "BY", киргизия: "KG", молдавия: "MD",
};

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
let codes: string[] | null = null;

/** Every ISO 3166-1 alpha-2 code the runtime can name, A–Z. */
export function countryCodes(): string[] {
  if (codes) return codes;
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const found: string[] = [];
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      // Retired codes (UK, DD, SU, YU…) are aliases ICU canonicalises to another region: left out.
      if (!NOT_COUNTRIES.has(code) && names.of(code) && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) found.push(code);
    }
  }
  return (codes = found);
}

/** "  Соединённые  штаты. " → "соединенные штаты": case, ё, dots, dashes and spacing do not matter. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("ru")
    .replaceAll("ё", "е")
    .replace(/[.’'`"«»()]/g, "")
    .replace(/[-‐‑–—_,]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A country's name in a language ("US", "ru" → «Соединенные Штаты»); the code when ICU has none. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The countries as options for a picker, sorted by name in the reader's language. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return countryCodes()
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

const indexes = new Map<string, Map<string, string>>();

/** Normalised name → code for one language (plus the hand-listed short forms). */
function index(locale: string): Map<string, string> {
  let map = indexes.get(locale);
  if (map) return map;
  map = new Map(Object.entries(ALIASES));
  for (const code of countryCodes()) {
    for (const style of ["long", "short"] as const) {
      const name = new Intl.DisplayNames([locale], { type: "region", style, fallback: "none" }).of(code);
      if (name && !map.has(normalizeName(name))) map.set(normalizeName(name), code);
    }
  }
  indexes.set(locale, map);
  return map;
}

/**
 * The ISO code of what a person typed: a code ("us", "US"), a name in the page's language or in any
 * language the product speaks («США», «сша », "United States"). Null when it names no country.
 * Used by the pickers in the browser and by the form schemas on the server, so a form posted
 * without JavaScript with «США» is accepted too.
 */
export function resolveCountry(input: string, locale?: string): string | null {
  const text = normalizeName(input);
  if (!text) return null;
  if (/^[a-z]{2}$/.test(text) && countryCodes().includes(text.toUpperCase())) return text.toUpperCase();
  for (const lang of new Set([locale ?? SPOKEN[0], ...SPOKEN])) {
    const code = index(lang).get(text);
    if (code) return code;
  }
  return null;
}
