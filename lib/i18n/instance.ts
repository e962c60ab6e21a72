import { createInstance, type i18n } from "i18next";
import { baseOptions } from "./options";
import { resources } from "./resources";
import type { Locale } from "./settings";

/** A fresh, fully initialised i18next instance (never a shared global: requests must not leak locale). */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.init({ ...baseOptions, lng: locale, resources });
  return instance;
}
