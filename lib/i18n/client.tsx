"use client";
import { createInstance, type ResourceLanguage } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { baseOptions } from "./options";
import type { Locale } from "./settings";

/**
 * The browser gets only the active language's catalogue (passed from the server layout), not the
 * whole bundle; switching language is a navigation, so the other one is never needed here.
 */
export function I18nProvider({ locale, catalogue, children }: { locale: Locale; catalogue: ResourceLanguage; children: ReactNode }) {
  const instance = useMemo(() => {
    const i18n = createInstance();
    void i18n.init({ ...baseOptions, lng: locale, fallbackLng: false, resources: { [locale]: catalogue } });
    return i18n;
  }, [locale, catalogue]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
