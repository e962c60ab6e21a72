// Latin-script words that may stand inside Russian strings (checked by lib/i18n/wording.ts): names
// people see in Latin letters anyway, codes printed on documents, and file formats. Anything else in
// Latin inside a Russian string is an untranslated word or an internal name leaking to people.

/** Brand and product names. */
const names = ["Twoway", "HubSpot", "amoCRM", "Bitrix24", "Zapier", "Make", "Stripe", "Connect", "Express", "PayPal", "Telegram", "Instagram", "TikTok", "YouTube", "VK", "Rutube", "Facebook", "X", "OpenAPI", "Glow", "Lab"];
/** Abbreviations Russian business text writes in Latin letters. */
const abbreviations = ["API", "CSV", "XLSX", "XML", "JSON", "UTF-8", "UTC", "ISO", "ID", "id", "LTV", "CRM", "SMTP", "HTTP", "UTM", "URL", "erid", "ZIP", "NUL", "N", "http", "https"];
/** US tax forms and sanctions sources, named as printed (1099-NEC, 1099-K, W-9, W-8BEN, OFAC SDN). */
const usTaxAndSanctions = ["OFAC", "SDN", "TIN", "SSN", "EIN", "NEC", "K", "W-9", "W-8BEN"];
/** ISO 4217 codes: amounts are shown with them next to the number. */
const currencies = ["USD", "RUB", "EUR", "KZT", "AMD", "GEL", "AED", "GBP", "JPY"];
/**
 * ISO 3166 codes and a US state quoted as input examples in hints («например, RU или US»); the
 * markets themselves are shown by name (common:markets.*).
 */
const countryCodeExamples = ["US", "RU", "KZ", "DE", "CA", "NY"];

export const latinAllowedWords: ReadonlySet<string> = new Set([...names, ...abbreviations, ...usTaxAndSanctions, ...currencies, ...countryCodeExamples]);

/**
 * Keys whose Russian text quotes a technical contract literally — API field and event names, CSV
 * column names, file formats — or an example people type as is. Matched as `ns:key` prefixes.
 */
export const latinAllowedKeys: readonly string[] = [
  "errors:apikeys.", // the public API's error messages name its JSON fields and event types
  "errors:fx.", // the CSV and Bank of Russia file formats
  "errors:compliance.sdn_invalid", // the OFAC file's column names
  "fx:upload.text",
  "fx:import.format",
  "opportunities:form.placeholders.titleEn", // an English title, as an example
  "referrals:form.hints.contact_telegram", // a Telegram user name
  "errors:telegram_invalid",
  "earnings:receipt.hint", // a receipt number and its address at nalog.ru
  "payouts:statement.text", // the payment reference prefix TW-
  "apikeys:usage.text", // the HTTP header to send
  "webhooks:form.urlHint", // Zapier's and Make's own name of the trigger ("catch hook")
  "placements:hints.disclosureText", // the English disclosure a US post carries, as an example
  "errors:promo_code_format", // an example promo code, typed as is
  "partners:promoCodes.codeHint",
  "settings:embed.options", // the snippet's attributes, typed as is
];
