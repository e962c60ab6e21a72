import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { FormSubmitGuard } from "@/components/ui/form-submit-guard";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { ClientTranslations } from "@/lib/i18n/client-translations";
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
        <FormSubmitGuard />
        {/* Only what every page's client code needs (error and 404 pages); layouts below add theirs. */}
        <ClientTranslations locale={locale} ns={["common"]}>{children}</ClientTranslations>
        <HydrationMark />
      </body>
    </html>
  );
}
