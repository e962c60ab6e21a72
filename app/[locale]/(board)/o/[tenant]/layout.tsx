import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { boardTenant } from "@/lib/opportunities/board-page";

/** The public opportunity board of one agency: no sign-in, the visitor's language, phone-first. */
export default async function BoardLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant: slug } = await params;
  const tenant = await boardTenant(slug);
  if (!tenant) notFound();
  const t = await getT(locale, "board");
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-indigo-50 to-slate-50">
      <header className="mx-auto flex w-full max-w-3xl items-center justify-between gap-3 px-4 py-5">
        <Link href={`/${locale}/o/${tenant.slug}`} className="min-w-0">
          <span className="block truncate text-lg font-bold tracking-tight text-slate-900">{tenant.name}</span>
          <span className="block text-xs text-slate-500">{t("layout.board")}</span>
        </Link>
        <LanguageSwitcher current={locale} className="shrink-0" />
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pb-16 pt-2 sm:pt-4">{children}</main>
      <footer className="mx-auto w-full max-w-3xl px-4 pb-8 text-xs text-slate-500">
        {t("layout.poweredBy")} <Link href={`/${locale}`} className="font-semibold text-slate-700">Twoway<span className="text-indigo-600">.</span></Link>
      </footer>
    </div>
  );
}
