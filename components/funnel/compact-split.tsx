import type { TFunction } from "i18next";
import { Card } from "@/components/ui/card";
import type { FunnelBasis, FunnelSplitRow, SplitDimension } from "@/lib/funnel/types";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { rateTexts, splitRowLabel } from "./format";
import { RateShown } from "./rate-shown";

const counts = ["clicks", "referrals", "qualified", "closes"] as const;

/** A split as stacked cards for a phone: the four counts in a row, then clicks → referrals as two counts. */
export function CompactSplit({ dim, rows, basis, locale, t }: { dim: SplitDimension; rows: FunnelSplitRow[]; basis: FunnelBasis; locale: Locale; t: TFunction }) {
  return (
    <Card title={t("funnel:split.title", { dim: t(`funnel:dims.${dim}`) })}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("funnel:split.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.key} className="py-3">
              <h3 className="text-sm font-semibold">{splitRowLabel(dim, r, t)}</h3>
              <dl className="mt-2 grid grid-cols-4 gap-2 text-center">
                {counts.map((k) => (
                  <div key={k} className="rounded-md bg-slate-50 px-1 py-1.5">
                    <dt className="truncate text-[11px] text-slate-500">{t(`funnel:stages.${k}`)}</dt>
                    <dd className="font-semibold tabular-nums">{formatNumber(locale, r.totals[k])}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-2 text-xs text-slate-600">
                {t("funnel:rates.clickToReferral")}: <RateShown variant="line" texts={rateTexts(locale, "clickToReferral", r.rates.clickToReferral, basis, t)} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
