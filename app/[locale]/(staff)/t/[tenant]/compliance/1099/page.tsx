import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { report1099 } from "@/lib/compliance/form-1099";
import { parseReportYear } from "@/lib/compliance/report-year";
import { formatMoney } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function Report1099Page({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const year = parseReportYear((await searchParams).year);
  const [report, t] = await Promise.all([report1099(ctx, year), getT(locale, ["compliance", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/compliance`;
  const money = (minor: bigint) => formatMoney(locale, minor, "USD");
  const reportable = report.rows.filter((r) => r.reportable).length;
  return (
    <>
      <PageHeader
        title={t("report1099.title", { year })}
        subtitle={t("report1099.subtitle")}
        actions={
          <>
            <ButtonLink href={base} variant="ghost">{t("report1099.back")}</ButtonLink>
            <a href={`${base}/1099/export?year=${year}`} className={buttonClass("secondary")}>{t("report1099.csv")}</a>
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="year" className="mb-1 block text-sm font-medium text-slate-800">{t("report1099.year")}</label>
              <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} className="w-28 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
            </div>
            <button type="submit" className={buttonClass("secondary")}>{t("report1099.show")}</button>
          </form>
          <div className="mt-4 space-y-2 text-sm text-slate-600">
            {report.threshold ? (
              <p>
                {t("report1099.threshold", { amount: money(report.threshold.amountMinor), year })}{" "}
                {report.threshold.fromYear !== year ? t("report1099.thresholdFrom", { year: report.threshold.fromYear }) : null}
              </p>
            ) : null}
            <p>{t("report1099.rules")}</p>
          </div>
        </Card>
        {!report.threshold ? <Notice tone="error">{t("report1099.noThreshold", { year })}</Notice> : null}
        {report.rows.length === 0 ? (
          <EmptyState>{t("report1099.empty", { year })}</EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("report1099.count", { count: reportable })}</p>
            <DataTable head={[{ label: t("report1099.partner") }, { label: t("report1099.tin") }, { label: t("report1099.payouts"), align: "right" }, { label: t("report1099.total"), align: "right" }, { label: t("report1099.status") }, { label: t("report1099.withholding"), align: "right" }]}>
              {report.rows.map((row) => (
                <tr key={row.partnerId}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-slate-900">{row.legalName}</p>
                    {row.legalName !== row.partnerName ? <p className="text-xs text-slate-500">{row.partnerName}</p> : null}
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">{row.tinOnFile ? `•••• ${row.tinLast4}` : <Badge tone="red">{t("report1099.noTin")}</Badge>}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{row.payouts}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{money(row.totalMinor)}</td>
                  <td className="px-4 py-3">{row.reportable ? <Badge tone="indigo">{t("report1099.reportable")}</Badge> : <Badge>{t("report1099.below")}</Badge>}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{row.backupWithholding ? <span className="text-red-700">{money(row.withholdingMinor)}</span> : "—"}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </div>
    </>
  );
}
