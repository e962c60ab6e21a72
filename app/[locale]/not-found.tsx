"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslation } from "react-i18next";

export default function NotFound() {
  const { t } = useTranslation("common");
  const params = useParams<{ locale?: string }>();
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-5xl font-bold text-indigo-600">404</p>
      <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-sm text-slate-600">{t("notFound.body")}</p>
      <Link href={`/${params.locale ?? "en"}`} className="text-sm font-semibold text-indigo-600 hover:underline">
        {t("notFound.home")}
      </Link>
    </main>
  );
}
