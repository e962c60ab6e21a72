"use client";
import { useTranslation } from "react-i18next";
import { jobReasonLines } from "@/lib/commissions/explain";
import type { JobReason } from "@/lib/commissions/run-job";
import type { Locale } from "@/lib/i18n/settings";

/** "Why nothing was created": one line per rule and reason, with how many events it concerns. */
export function JobReasons({ reasons, locale }: { reasons: JobReason[] | undefined; locale: Locale }) {
  const { t } = useTranslation("commissions");
  if (!reasons) return null;
  const lines = jobReasonLines(reasons, locale, t);
  return (
    <div className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="job-reasons">
      <p className="font-medium">{t("reasons.title")}</p>
      <ul className="mt-1 list-disc pl-5">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
    </div>
  );
}
