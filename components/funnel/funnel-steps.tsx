import Link from "next/link";
import type { TFunction } from "i18next";
import { Card } from "@/components/ui/card";
import type { FunnelBasis, FunnelRates, FunnelTotals } from "@/lib/funnel/types";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { FunnelBands } from "./funnel-bands";
import { rateTexts } from "./format";
import { RateShown } from "./rate-shown";
import type { StageLinks } from "./stage-tiles";

const steps = ["clicks", "referrals", "qualified", "closes"] as const;
const between = ["clickToReferral", "referralToQualified", "qualifiedToClose"] as const;

/** The four count stages with the rate between each pair: a chart, and the same as a list that needs no script. */
export function FunnelSteps({ totals, rates, basis, locale, t, links = {} }: { totals: FunnelTotals; rates: FunnelRates; basis: FunnelBasis; locale: Locale; t: TFunction; links?: StageLinks }) {
  const n = (k: (typeof steps)[number]) => formatNumber(locale, totals[k]);
  return (
    <Card title={t("funnel:chart.funnel")}>
      <div className="grid items-center gap-6 md:grid-cols-2">
        <figure>
          <div role="img" aria-label={t("funnel:chart.funnelAlt", { clicks: n("clicks"), referrals: n("referrals"), qualified: n("qualified"), closes: n("closes") })}>
            <FunnelBands steps={steps.map((k) => ({ key: k, name: t(`funnel:stages.${k}`), value: totals[k], shown: n(k) }))} />
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
                  <span className="text-right tabular-nums">
                    <RateShown variant="line" texts={rateTexts(locale, between[i], rates[between[i]], basis, t)} />
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
