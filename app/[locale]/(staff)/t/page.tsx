import Link from "next/link";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { requireUser } from "@/lib/auth/guard";
import { listMemberships, listPartnerSeats } from "@/lib/auth/users";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

/** Workspace chooser for people with several memberships (or none yet). */
export default async function WorkspacesPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await localeParam(params);
  const user = await requireUser(locale);
  const [memberships, seats] = await Promise.all([listMemberships(user.id), listPartnerSeats(user.id)]);
  const t = await getT(locale, ["nav", "common"]);
  return (
    <div className="mx-auto max-w-lg px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-xl font-bold">Twoway<span className="text-indigo-600">.</span></p>
        <LanguageSwitcher current={locale} />
      </div>
      <h1 className="text-2xl font-semibold">{t("nav:workspaces.title")}</h1>
      {memberships.length + seats.length === 0 ? <p className="mt-4 text-sm text-slate-600">{t("nav:workspaces.none")}</p> : null}
      <ul className="mt-6 space-y-2">
        {memberships.map((m) => (
          <li key={m.id}>
            <Link href={`/${locale}/t/${m.tenant.slug}`} className="flex items-center justify-between rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 hover:ring-indigo-300">
              <span className="font-medium">{m.tenant.name}</span>
              <span className="text-xs text-slate-500">{t(`nav:roles.${m.role}`)}</span>
            </Link>
          </li>
        ))}
        {seats.map((s) => (
          <li key={s.id}>
            <Link href={`/${locale}/p/${s.tenant.slug}`} className="flex items-center justify-between rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 hover:ring-indigo-300">
              <span className="font-medium">{s.tenant.name}</span>
              <span className="text-xs text-slate-500">{t("nav:roles.partner")}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
