// Currencies by name in the reader's language: «рубль», «доллар США», "euro", "usd" → the ISO 4217
// code the database keeps. Names come from ICU (Intl.DisplayNames); everyday short forms and
// symbols are listed by hand.
import { normalizeName, SPOKEN } from "./countries";

const ALIASES: Record<string, string> = {
  рубль: "RUB", рубли: "RUB", рублей: "RUB", руб: "RUB", р: "RUB", "₽": "RUB", rouble: "RUB", ruble: "RUB", rubles: "RUB",
  доллар: "USD", доллары: "USD", долларов: "USD", "$": "USD", dollar: "USD", dollars: "USD", "us$": "USD",
  "€": "EUR", euro: "EUR", euros: "EUR",
  тенге: "KZT", "₸": "KZT", tenge: "KZT", драм: "AMD", "֏": "AMD", dram: "AMD", лари: "GEL", "₾": "GEL", lari: "GEL",
  дирхам: "AED", dirham: "AED", фунт: "GBP", "£": "GBP", pound: "GBP",
};

let all: string[] | null = null;
/** Every ISO 4217 code the runtime knows. */
export function currencyCodes(): string[] {
  return (all ??= Intl.supportedValuesOf("currency"));
}

/** A currency's name in a language ("RUB", "ru" → «российский рубль»); the code when ICU has none. */
export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "currency", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a picker: the given codes (or all), each with its name in the reader's language. */
export function currencyOptions(locale: string, codes: readonly string[] = currencyCodes()): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: currencyName(code, locale) }));
}

const indexes = new Map<string, Map<string, string>>();
function index(locale: string): Map<string, string> {
  let map = indexes.get(locale);
  if (map) return map;
  map = new Map(Object.entries(ALIASES));
  const names = new Intl.DisplayNames([locale], { type: "currency", fallback: "none" });
  for (const code of currencyCodes()) {
    const name = names.of(code);
    if (name && !map.has(normalizeName(name))) map.set(normalizeName(name), code);
  }
  indexes.set(locale, map);
  return map;
}

/** The ISO code of what a person typed ("rub", «рубль», "US Dollar", «доллар США — USD»); null when none. */
export function resolveCurrency(input: string, locale?: string): string | null {
  const text = normalizeName(input);
  if (!text) return null;
  // A picker's option reads «доллар США (USD)»: the code in brackets decides.
  const coded = /\(([a-z]{3})\)$/.exec(input.trim().toLowerCase())?.[1] ?? (/^[a-z]{3}$/.test(text) ? text : null);
  if (coded && currencyCodes().includes(coded.toUpperCase())) return coded.toUpperCase();
  for (const lang of new Set([locale ?? SPOKEN[0], ...SPOKEN])) {
    const code = index(lang).get(text);
    if (code) return code;
  }
  return null;
}

/**
 * Russian forms of the currencies the product deals in, for a currency inside a sentence: after «в»
 * a balance is «в рублях» (prepositional) and an amount is converted «в рубли» (accusative). ICU
 * has only the nominative («российский рубль»), which reads as a calque there, and an ISO code
 * («Баланс в RUB») is not how a Russian writes prose.
 */
const RU_FORMS: Record<string, { prepositional: string; accusative: string }> = {
  RUB: { prepositional: "рублях", accusative: "рубли" },
  USD: { prepositional: "долларах США", accusative: "доллары США" },
  EUR: { prepositional: "евро", accusative: "евро" },
  KZT: { prepositional: "тенге", accusative: "тенге" },
  AMD: { prepositional: "армянских драмах", accusative: "армянские драмы" },
  GEL: { prepositional: "грузинских лари", accusative: "грузинские лари" },
  AED: { prepositional: "дирхамах ОАЭ", accusative: "дирхамы ОАЭ" },
  GBP: { prepositional: "фунтах стерлингов", accusative: "фунты стерлингов" },
  JPY: { prepositional: "японских иенах", accusative: "японские иены" },
};

/**
 * The currency as a sentence puts it after "in"/«в»: `{{currency}}` in «Баланс в {{currency}}» and
 * "Balance in {{currency}}". Russian: «рублях», «долларах США» (or «рубли» for `accusative`: «пересчитываются
 * в рубли»); a currency without a listed form reads «валюте „name“» / «валюту „name“». English keeps
 * the code ("Balance in USD"), as English finance text does.
 */
export function currencyInSentence(code: string, locale: string, grammaticalCase: "prepositional" | "accusative" = "prepositional"): string {
  if (!locale.startsWith("ru")) return code;
  const form = RU_FORMS[code]?.[grammaticalCase];
  if (form) return form;
  return `${grammaticalCase === "accusative" ? "валюту" : "валюте"} «${currencyName(code, "ru")}»`;
}
