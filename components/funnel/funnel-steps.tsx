import Link from "next/link";
import type { TFunction } from "i18next";
import { Card } from "@/components/ui/card";
import type { FunnelRates, FunnelTotals } from "@/lib/funnel/types";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { rateBasis, rateValue } from "./format";
import { LazyFunnelStepsChart } from "./lazy-charts";
import type { StageLinks } from "./stage-tiles";

const steps = ["clicks", "referrals", "qualified", "closes"] as const;
const between = ["clickToReferral", "referralToQualified", "qualifiedToClose"] as const;

/** The four count stages with the rate between each pair: a chart, and the same as a list that needs no script. */
export function FunnelSteps({ totals, rates, locale, t, links = {} }: { totals: FunnelTotals; rates: FunnelRates; locale: Locale; t: TFunction; links?: StageLinks }) {
  const n = (k: (typeof steps)[number]) => formatNumber(locale, totals[k]);
  return (
    <Card title={t("funnel:chart.funnel")}>
      <div className="grid items-center gap-6 md:grid-cols-2">
        <figure>
          <div role="img" aria-label={t("funnel:chart.funnelAlt", { clicks: n("clicks"), referrals: n("referrals"), qualified: n("qualified"), closes: n("closes") })}>
            <LazyFunnelStepsChart locale={locale} steps={steps.map((k) => ({ key: k, name: t(`funnel:stages.${k}`), value: totals[k] }))} />
          </div>
        </figure>
        <ol className="space-y-1 text-sm">
          {steps.map((k, i) => (
            <li key={k}>
              <div className="flex items-baseline justify-between gap-3 rounded-md bg-slate-50 px-3 py-2">
                <span className="font-medium text-slate-800">{t(`funnel:stages.${k}`)}</span>
                {links[k] ? (
                  <Link href={links[k]} className="font-semibold tabular-nums hover:text-indigo-700 hover:underline">{n(k)}</Link>
                ) : (
                  <span className="font-semibold tabular-nums">{n(k)}</span>
                )}
              </div>
              {i < between.length ? (
                <p className="flex items-baseline justify-between gap-3 px-3 py-1 text-xs text-slate-600">
                  <span aria-hidden="true">↓</span>
                  <span className="flex-1">{t(`funnel:rates.${between[i]}`)}</span>
                  <span className="tabular-nums">
                    <span className="font-semibold text-slate-900">{rateValue(locale, rates[between[i]], t)}</span> · {rateBasis(locale, rates[between[i]], t)}
                  </span>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
    </Card>
  );
}
