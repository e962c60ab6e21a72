import type { TFunction } from "i18next";
import { componentKeys, WEIGHTS } from "@/lib/opportunities/matching";

/** How the score is made: each part, its weight, and what earns it. */
export function MatchingLegend({ brands, t }: { brands: boolean; t: TFunction }) {
  return (
    <details className="mb-4 rounded-xl bg-white p-4 text-sm shadow-xs ring-1 ring-slate-200">
      <summary className="cursor-pointer font-semibold text-slate-900">{t("matching.legend.title")}</summary>
      <p className="mt-2 text-slate-600">{t("matching.legend.lead")}</p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {componentKeys.map((key) => (
          <div key={key}>
            <dt className="font-medium text-slate-900">{t(`matching.parts.${key}`)} <span className="font-normal tabular-nums text-slate-500">· {t("matching.legend.weight", { count: WEIGHTS[key] })}</span></dt>
            <dd className="text-slate-600">{t(`matching.legend.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-slate-600">{t("matching.legend.ties")}</p>
      {brands ? <p className="mt-1 text-slate-600">{t("matching.legend.brands")}</p> : null}
    </details>
  );
}
