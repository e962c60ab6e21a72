"use client";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { JobReason } from "@/lib/commissions/run-job";

/** "Why nothing was created": one line per rule and reason, with how many events it concerns. */
export function JobReasons({ reasons, locale }: { reasons: JobReason[] | undefined; locale: Locale }) {
  const { t } = useTranslation("commissions");
  if (!reasons) return null;
  const lines = reasons.length === 0 ? [t("reasons.nothing_new")] : reasons.map((r) => {
    const values = r.reason === "waiting_for_fx" && r.values.day ? { ...r.values, day: formatDate(locale, `${r.values.day}T00:00:00Z`) } : r.values;
    const reason = t(`reasons.${r.reason}`, values);
    return r.ruleName ? t("reasons.line", { rule: r.ruleName, reason, count: r.count }) : t("reasons.plain", { reason, count: r.count });
  });
  return (
    <div className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="job-reasons">
      <p className="font-medium">{t("reasons.title")}</p>
      <ul className="mt-1 list-disc pl-5">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
    </div>
  );
}
