import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { homePath } from "@/lib/auth/home-path";
import { ButtonLink } from "@/components/ui/button";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/params";

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await localeParam(params);
  const session = await auth();
  if (session?.user?.id) redirect(await homePath(session.user.id, locale));
  const t = await getT(locale, "common");
  return (
    <div className="min-h-screen bg-gradient-to-b from-indigo-50 to-slate-50">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <p className="text-xl font-bold tracking-tight">Twoway<span className="text-indigo-600">.</span></p>
        <LanguageSwitcher current={locale} />
      </header>
      <main className="mx-auto max-w-5xl px-6 pb-20 pt-12">
        <p className="text-sm font-semibold uppercase tracking-wider text-indigo-600">{t("landing.eyebrow")}</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("landing.title")}</h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-600">{t("landing.lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href={`/${locale}/sign-up`}>{t("landing.start")}</ButtonLink>
          <ButtonLink href={`/${locale}/sign-in`} variant="secondary">{t("landing.signIn")}</ButtonLink>
        </div>
        <ul className="mt-16 grid gap-4 sm:grid-cols-3">
          {(["direct", "pool", "funnel"] as const).map((k) => (
            <li key={k} className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200">
              <h2 className="font-semibold text-slate-900">{t(`landing.${k}.title`)}</h2>
              <p className="mt-2 text-sm text-slate-600">{t(`landing.${k}.body`)}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
