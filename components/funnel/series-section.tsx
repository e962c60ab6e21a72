import type { TFunction } from "i18next";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { SeriesPoint } from "@/lib/funnel/types";
import { formatMoney, formatNumber, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { LazySeriesChart } from "./lazy-charts";

const counts = ["clicks", "referrals", "qualified", "closes"] as const;

/** Day-by-day chart; the same numbers in a table behind "Show the numbers" (open without script too). */
export function SeriesSection({ points, currency, locale, t, action }: { points: SeriesPoint[]; currency: string; locale: Locale; t: TFunction; action?: React.ReactNode }) {
  const active = points.some((p) => counts.some((k) => p[k] > 0) || p.revenueMinor !== 0n);
  return (
    <Card title={t("funnel:chart.series")} action={action}>
      {!active ? (
        <p className="text-sm text-slate-600">{t("funnel:series.empty")}</p>
      ) : (
        <>
          <figure>
            <div role="img" aria-label={t("funnel:chart.seriesAlt")}>
              <LazySeriesChart
                locale={locale}
                points={points.map(({ day, clicks, referrals, qualified, closes }) => ({ day, clicks, referrals, qualified, closes }))}
                labels={{
                  clicks: t("funnel:stages.clicks"), referrals: t("funnel:stages.referrals"), qualified: t("funnel:stages.qualified"),
                  closes: t("funnel:stages.closes"), clicksAxis: t("funnel:chart.clicksAxis"), stagesAxis: t("funnel:chart.stagesAxis"),
                }}
              />
            </div>
          </figure>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("funnel:chart.showTable")}</summary>
            {/* A long table scrolls in its box; focusable, so a keyboard can scroll it. */}
            <div tabIndex={0} role="region" aria-label={t("funnel:chart.showTable")} className="mt-3 max-h-96 overflow-y-auto">
              <DataTable dense head={[{ label: t("funnel:series.day") }, ...counts.map((k) => ({ label: t(`funnel:stages.${k}`), align: "right" as const })), { label: `${t("funnel:stages.revenue")}`, align: "right" }]}>
                {points.map((p) => (
                  <tr key={p.day}>
                    <td className="whitespace-nowrap px-2 py-2">{formatDay(locale, p.day)}</td>
                    {counts.map((k) => <td key={k} className="px-2 py-2 text-right tabular-nums">{formatNumber(locale, p[k])}</td>)}
                    <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{formatMoney(locale, p.revenueMinor, currency)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </details>
        </>
      )}
    </Card>
  );
}
