import type { TFunction } from "i18next";
import { Notice } from "@/components/ui/card";
import type { PreviewResult } from "@/lib/commissions/preview";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { ExplanationList } from "./explanation";
import { StatusBadge } from "./status-badge";

/** Per matching rule: what the event earns (or already earned), or why it earns nothing. */
export function PreviewResultView({ result, locale, timeZone, t }: { result: PreviewResult; locale: Locale; timeZone: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  if (!result.ok) return <Notice>{t("preview.notReferred")}</Notice>;
  const e = result.event;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {t("preview.eventLine", {
          type: t(`eventType.${e.type}`), date: formatDate(fmt, e.occurredAt), market: e.partnerMarket,
          amount: e.amountMinor !== null && e.currency ? formatMoney(locale, e.amountMinor, e.currency) : "—",
        })}
      </p>
      {result.lines.length === 0 ? <Notice>{t("preview.noRules")}</Notice> : null}
      <ul className="space-y-3">
        {result.lines.map((line) => (
          <li key={line.ruleId} className="rounded-lg p-4 ring-1 ring-slate-200">
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
              <span>{line.ruleName}</span>
              <span className="text-slate-500">· {t(`basis.${line.basis}`)}</span>
              {line.outcome.kind === "earns" ? <span className="ml-auto tabular-nums">{formatMoney(locale, line.outcome.amountMinor, line.currency)}</span> : null}
              {line.outcome.kind === "recorded" ? (
                <span className="ml-auto flex items-center gap-2 tabular-nums">{formatMoney(locale, line.outcome.amountMinor, line.currency)} <StatusBadge status={line.outcome.status} t={t} /></span>
              ) : null}
            </p>
            {line.outcome.kind === "skip" ? <p className="mt-1 text-sm text-slate-600">{t(`skip.${line.outcome.reason}`)}</p> : null}
            {line.outcome.kind === "waiting_for_fx" ? <p className="mt-1 text-sm text-amber-800">{t("skip.waiting_for_fx")}</p> : null}
            {line.outcome.kind === "recorded" ? <p className="mt-1 text-xs text-slate-500">{t("preview.recorded")}</p> : null}
            {line.outcome.kind === "earns" || line.outcome.kind === "recorded" ? (
              <div className="mt-2"><ExplanationList explanation={line.outcome.explanation} locale={locale} t={t} /></div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
