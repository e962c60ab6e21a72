export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const localeCookie = "twoway_locale";
export const namespaces = ["common", "auth", "nav", "directory", "settings", "errors", "dashboard", "portal", "partners", "referrals", "opportunities", "board", "tracking", "links", "apikeys", "fx", "funnel", "commissions", "payouts", "compliance", "earnings", "ord", "notifications", "risk", "timezones", "webhooks", "placements", "messages"] as const;
export type Namespace = (typeof namespaces)[number];

export function isLocale(value: string | undefined | null): value is Locale {
  return !!value && (locales as readonly string[]).includes(value);
}

/** BCP 47 tag used for Intl formatting (ru → ru-RU so dates read 01.09.2026). */
export function intlLocale(locale: Locale): string {
  return locale === "ru" ? "ru-RU" : "en-US";
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}
