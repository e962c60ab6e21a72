"use client";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "./instance";
import type { Locale } from "./settings";

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const instance = useMemo(() => createI18n(locale), [locale]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
