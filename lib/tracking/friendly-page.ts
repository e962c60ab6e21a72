// The small page for unknown, disabled or momentarily unreachable links: no Next, no React, one
// string per language built once at startup. Language: the site's cookie, else Accept-Language.
import en from "@/locales/en/tracking.json";
import ru from "@/locales/ru/tracking.json";
import { isLocale, localeCookie, negotiateLocale, type Locale } from "@/lib/i18n/settings";
import { cookieValue } from "./request-info";

export type FriendlyKind = "unavailable" | "failure" | "unlabelled";

const catalogues: Record<Locale, typeof en> = { en, ru };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(locale: Locale, kind: FriendlyKind): string {
  const t = catalogues[locale];
  const action =
    kind === "unavailable" || kind === "unlabelled"
      ? `<a href="/${locale}">${escape(t[kind].home)}</a>`
      : `<a href="">${escape(t.failure.retry)}</a>`;
  const { title, body } = t[kind];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#fafafa;color:#18181b}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#52525b;line-height:1.5;margin:0 0 1.5rem}a{color:#18181b;font-weight:600}</style></head><body><main><h1>${escape(title)}</h1><p>${escape(body)}</p>${action}</main></body></html>`;
}

const pages = new Map<string, Buffer>();
for (const locale of ["en", "ru"] as const) {
  for (const kind of ["unavailable", "failure", "unlabelled"] as const) pages.set(`${locale}:${kind}`, Buffer.from(render(locale, kind)));
}

export function pageLocale(cookieHeader: string | undefined, acceptLanguage: string | undefined): Locale {
  const remembered = cookieValue(cookieHeader, localeCookie);
  return isLocale(remembered) ? remembered : negotiateLocale(acceptLanguage);
}

export function friendlyPage(locale: Locale, kind: FriendlyKind): Buffer {
  return pages.get(`${locale}:${kind}`)!;
}
