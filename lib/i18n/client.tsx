"use client";
import { createInstance, type InitOptions, type ResourceLanguage } from "i18next";
import { useContext, useMemo, type ReactNode } from "react";
import { I18nContext, I18nextProvider } from "react-i18next";
import { baseOptions } from "./options";
import type { Locale } from "./settings";

// Outside production a key missing from what the page was sent says so instead of rendering quietly.
const reportMissing: InitOptions =
  process.env.NODE_ENV === "production"
    ? {}
    : {
        saveMissing: true,
        missingKeyHandler: (_lngs, ns, key) =>
          console.error(`[i18n] ${ns}:${key} is not in the translations sent to this page (a layout's <ClientTranslations ns={…}>, or the key is missing)`),
      };

/**
 * Client components' translations: only the namespaces the server layouts chose to send (see
 * `ClientTranslations`), never the whole language. A nested provider adds its namespaces to those of
 * the providers above it; switching language is a navigation, so the other language is never needed.
 */
export function I18nProvider({ locale, catalogue, children }: { locale: Locale; catalogue: ResourceLanguage; children: ReactNode }) {
  const parent = useContext(I18nContext)?.i18n;
  const instance = useMemo(() => {
    const inherited = parent?.getDataByLanguage(locale) ?? {};
    const i18n = createInstance();
    void i18n.init({ ...baseOptions, ...reportMissing, lng: locale, fallbackLng: false, resources: { [locale]: { ...inherited, ...catalogue } } });
    return i18n;
  }, [locale, catalogue, parent]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
