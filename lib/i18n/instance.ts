import { createInstance, type i18n } from "i18next";
import { resources } from "./resources";
import { defaultLocale, namespaces, type Locale } from "./settings";

/** A fresh, fully initialised i18next instance (never a shared global: requests must not leak locale). */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    ns: [...namespaces],
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
