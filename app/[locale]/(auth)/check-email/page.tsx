import Link from "next/link";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function CheckEmailPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ from?: string }> }) {
  const locale = await localeParam(params);
  const { from } = await searchParams;
  const t = await getT(locale, "auth");
  return (
    <div className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold">{t("checkEmail.title")}</h1>
      <p className="text-sm text-slate-600">{t(from === "signup" ? "checkEmail.signupBody" : "checkEmail.body")}</p>
      <Link href={`/${locale}/sign-in`} className="text-sm font-semibold text-indigo-600 hover:underline">{t("checkEmail.back")}</Link>
    </div>
  );
}
