import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import { resources } from "@/lib/i18n/resources";
import { isLocale } from "@/lib/i18n/settings";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Twoway", template: "%s · Twoway" },
  description: "Cross-market referral programs between the US and Russian-speaking markets",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <I18nProvider locale={locale} catalogue={resources[locale]}>{children}</I18nProvider>
      </body>
    </html>
  );
}
