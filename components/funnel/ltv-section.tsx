import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairKeyLabel } from "@/components/referrals/market-pair-label";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { LtvReport, LtvRow } from "@/lib/funnel/types";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { currencyInSentence } from "@/lib/kernel/currencies";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import { minorToNumber } from "./format";
import { LazyLtvCohortChart } from "./lazy-charts";

const cell = "px-4 py-2 text-right tabular-nums whitespace-nowrap";

/** Referral vs direct customers' lifetime value: overall, by cohort month (chart + table), by market pair. */
export function LtvSection({ report, locale, t, customersHref, action }: {
  report: LtvReport;
  locale: Locale;
  t: TFunction;
  customersHref?: (source: "referral" | "direct") => string;
  action?: ReactNode;
}) {
  const c = report.currency;
  const money = (minor: bigint | null) => (minor === null ? t("funnel:rates.none") : formatMoney(locale, minor, c));
  const head = [
    { label: t("funnel:ltv.customers"), align: "right" as const },
    { label: t("funnel:ltv.average"), align: "right" as const },
    { label: t("funnel:ltv.total"), align: "right" as const },
  ];
  const cells = (row: LtvRow, source?: "referral" | "direct") => (
    <>
      <td className={cell}>
        {source && customersHref ? <Link href={customersHref(source)} className="hover:text-indigo-700 hover:underline">{formatNumber(locale, row.customers)}</Link> : formatNumber(locale, row.customers)}
      </td>
      <td className={cell}>{money(row.averageMinor)}</td>
      <td className={cell}>
        {money(row.totalMinor)}
        {row.missingFxEvents > 0 ? <span className="block text-xs text-amber-800" title={t("funnel:missingFxHelp")}>{t("funnel:missingFx", { count: row.missingFxEvents })}</span> : null}
      </td>
    </>
  );
  const months = [...new Set(report.byCohortMonth.map((r) => r.month))].sort();
  const avg = (month: string, source: "referral" | "direct") => {
    const row = report.byCohortMonth.find((r) => r.month === month && r.source === source);
    return row?.averageMinor != null ? minorToNumber(row.averageMinor, c) : null;
  };
  const monthLabel = (m: string) => new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));
  const empty = report.referral.customers === 0 && report.direct.customers === 0;
  return (
    <Card title={t("funnel:ltv.title")} action={action}>
      <p className="mb-3 text-xs text-slate-600">{t("funnel:ltv.note", { currency: currencyInSentence(c, locale) })}</p>
      {empty ? (
        <p className="text-sm text-slate-600">{t("funnel:ltv.empty")}</p>
      ) : (
        <div className="space-y-6">
          <DataTable head={[{ label: t("funnel:ltv.source") }, ...head]}>
            {(["referral", "direct"] as const).map((s) => (
              <tr key={s}>
                <th scope="row" className="px-4 py-2 text-left font-medium">{t(`funnel:ltv.${s}`)}</th>
                {cells(report[s], s)}
              </tr>
            ))}
          </DataTable>

          {months.length > 0 ? (
            <section>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("funnel:ltv.byCohort")}</h3>
              <figure>
                <div role="img" aria-label={t("funnel:chart.ltvCohortAlt")}>
                  <LazyLtvCohortChart
                    locale={locale}
                    currency={c}
                    labels={{ referral: t("funnel:ltv.referral"), direct: t("funnel:ltv.direct") }}
                    months={months.map((m) => ({ month: m, referral: avg(m, "referral"), direct: avg(m, "direct") }))}
                  />
                </div>
              </figure>
              <div className="mt-3">
                <DataTable head={[{ label: t("funnel:ltv.month") }, { label: t("funnel:ltv.source") }, ...head]}>
                  {report.byCohortMonth.map((r) => (
                    <tr key={`${r.month}-${r.source}`}>
                      <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium">{monthLabel(r.month)}</th>
                      <td className="px-4 py-2">{t(`funnel:ltv.${r.source}`)}</td>
                      {cells(r)}
                    </tr>
                  ))}
                </DataTable>
              </div>
            </section>
          ) : null}

          {report.byMarketPair.length > 0 ? (
            <section>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("funnel:ltv.byPair")}</h3>
              <DataTable head={[{ label: t("funnel:ltv.pair") }, ...head]}>
                {report.byMarketPair.map((r) => (
                  <tr key={r.pair}>
                    <th scope="row" className="px-4 py-2 text-left font-medium">{marketPairKeyLabel(t, r.pair)}</th>
                    {cells(r)}
                  </tr>
                ))}
              </DataTable>
            </section>
          ) : null}
        </div>
      )}
    </Card>
  );
}
