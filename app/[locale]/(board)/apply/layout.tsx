import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { localeParam } from "@/lib/i18n/params";

/** Public application pages: no sign-in, one column, the visitor's language. */
export default async function ApplyLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await localeParam(params);
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-indigo-50 to-slate-50">
      <header className="mx-auto flex w-full max-w-2xl items-center justify-between px-4 py-5">
        <Link href={`/${locale}`} className="text-xl font-bold tracking-tight">
          Twoway<span className="text-indigo-600">.</span>
        </Link>
        <LanguageSwitcher current={locale} />
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 px-4 pb-16 pt-4 sm:pt-8">{children}</main>
    </div>
  );
}
