"use client";
import { useTranslation } from "react-i18next";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useTranslation("common");
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-xl font-semibold">{t("error.title")}</h1>
      <p className="text-sm text-slate-600">{t("error.body")}</p>
      <button onClick={reset} className="text-sm font-semibold text-indigo-600 hover:underline">
        {t("error.retry")}
      </button>
    </main>
  );
}
