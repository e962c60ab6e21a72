import { notFound } from "next/navigation";
import { isLocale, type Locale } from "./settings";

/** Reads the `[locale]` route param; anything but a supported locale is a 404. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}
