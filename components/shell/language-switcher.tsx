"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { locales, type Locale } from "@/lib/i18n/settings";

const names: Record<Locale, string> = { en: "English", ru: "Русский" };

/** Links to the same page in the other language; the proxy remembers the choice in a cookie. */
export function LanguageSwitcher(props: { current: Locale; className?: string }) {
  // Search params are read on the client only; the fallback links simply drop the query string.
  return (
    <Suspense fallback={<Switcher {...props} search="" />}>
      <WithSearch {...props} />
    </Suspense>
  );
}

function WithSearch(props: { current: Locale; className?: string }) {
  return <Switcher {...props} search={useSearchParams().toString()} />;
}

function Switcher({ current, className = "", search }: { current: Locale; className?: string; search: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Language / Язык" className={`flex items-center gap-1 text-xs ${className}`}>
      {locales.map((locale) => {
        const href = pathname.replace(/^\/(en|ru)(?=\/|$)/, `/${locale}`) + (search ? `?${search}` : "");
        return (
          <Link
            key={locale}
            href={href}
            lang={locale}
            hrefLang={locale}
            aria-current={locale === current ? "true" : undefined}
            className={`rounded px-2 py-1 font-medium ${locale === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-200"}`}
          >
            {names[locale]}
          </Link>
        );
      })}
    </nav>
  );
}
