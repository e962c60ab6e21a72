import type { TFunction } from "i18next";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { componentKeys, type Match } from "@/lib/opportunities/matching";
import { explainPart } from "./matching-explain";

type Context = Parameters<typeof explainPart>[2];

/** Six small bars — points of each part against its weight — and, on request, the reason for each. */
export function MatchingBreakdown({ match, context, t }: { match: Match; context: Omit<Context, "market">; t: TFunction }) {
  const ctx = { ...context, market: match.candidate.market };
  const rows = componentKeys.map((key) => ({ key, part: match.breakdown[key], why: explainPart(key, match.breakdown, ctx, t) }));
  const n = (v: number) => formatNumber(context.locale as Locale, v);
  return (
    <div className="min-w-64">
      <ul className="space-y-1">
        {rows.map(({ key, part, why }) => (
          <li key={key} title={why} className="grid grid-cols-[5.5rem_1fr_3.25rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{t(`matching.parts.${key}`)}</span>
            <span aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-slate-100">
              {part.applicable ? <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${(part.points / part.max) * 100}%` }} /> : null}
            </span>
            <span className="text-right tabular-nums text-slate-700">
              {part.applicable ? t("matching.points", { points: n(part.points), max: part.max }) : t("matching.notApplicable")}
            </span>
          </li>
        ))}
      </ul>
      <details className="mt-1.5">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700">{t("matching.why")}</summary>
        <ul className="mt-1 list-inside list-disc space-y-0.5 text-xs text-slate-600">
          {rows.map(({ key, why }) => <li key={key}><span className="font-medium text-slate-800">{t(`matching.parts.${key}`)}:</span> {why}</li>)}
        </ul>
      </details>
    </div>
  );
}
