import Link from "next/link";
import { PlacementStatusBadge } from "@/components/placements/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { can } from "@/lib/auth/permissions";
import { requireTenantPage } from "@/lib/auth/guard";
import { requestStatisticsSendAction } from "@/lib/ord/actions";
import { getOrdSettings } from "@/lib/ord/settings";
import { formatDay, formatMonth, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { firstParam } from "@/lib/kernel/search-params";
import { platformName } from "@/lib/placements/describe-rule";
import { isMonth, localMonth, shiftMonth } from "@/lib/placements/month";
import { placementMonthReport } from "@/lib/placements/month-report";
import { placementStatuses } from "@/lib/placements/state-machine";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Staff: one month's placements — by status, missing erid or registration, ОРД statistics due and sent — with CSV. */
export default async function PlacementReportPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const t = await getT(locale, ["placements", "ord", "common"]);
  const query = await searchParams;
  const typed = firstParam(query.month)?.trim() ?? "";
  const month = isMonth(typed) ? typed : localMonth(new Date(), ctx.timeZone);
  const r = await placementMonthReport(ctx, month);
  const base = `/${locale}/t/${ctx.slug}/placements`;
  const ordConfigured = (await getOrdSettings(ctx.db)).configured;
  const monthEnded = month < localMonth(new Date(), ctx.timeZone);
  const unsent = r.rows.filter((p) => p.statsDue && !p.statsSent);
  const ready = unsent.filter((p) => p.impressions !== null && p.ordState !== "pending").length;
  const waiting = unsent.filter((p) => p.impressions === null).length;
  const summary = [
    { label: t("report.summary.total"), value: r.total },
    { label: t("report.summary.missingErid"), value: r.missingErid, warn: r.missingErid > 0 },
    { label: t("report.summary.missingRegistration"), value: r.missingRegistration, warn: r.missingRegistration > 0 },
    { label: t("report.summary.due"), value: r.due },
    { label: t("report.summary.sent"), value: r.sent, warn: r.sent < r.due },
  ];
  const head = [
    { label: t("columns.plannedOn") }, { label: t("columns.brand") }, { label: t("columns.creator") },
    { label: t("columns.status") }, { label: t("report.columns.checks") }, { label: t("report.columns.statistics") },
    { label: t("report.columns.impressions"), align: "right" as const }, { label: t("report.columns.clicks"), align: "right" as const },
  ];
  const deadline = r.due === 0 ? null
    : r.daysLeft < 0 ? t("report.deadlinePassed", { date: formatDay(locale, r.dueOn) })
    : t("report.deadline", { date: formatDay(locale, r.dueOn), count: r.daysLeft });
  return (
    <>
      <PageHeader
        title={t("report.title", { month: formatMonth(locale, month) })}
        subtitle={t("report.lead")}
        actions={<a href={`${base}/report/export?month=${month}`} className={buttonClass("secondary")} download>{t("report.csvLink")}</a>}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("report.month")}</span>
          <input type="month" name="month" defaultValue={month} className="rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("filter.apply")}</button>
        <Link href={`${base}/report?month=${shiftMonth(month, -1)}`} className={buttonClass("secondary")}>{t("report.previous")}</Link>
        <Link href={`${base}/report?month=${shiftMonth(month, 1)}`} className={buttonClass("secondary")}>{t("report.next")}</Link>
      </form>
      {deadline ? <div className="mb-4"><Notice tone={r.daysLeft < 0 && r.sent < r.due ? "error" : "info"}>{deadline}</Notice></div> : null}
      {firstParam(query.statistics) === "requested" ? <div className="mb-4"><Notice tone="success">{t("ord:statistics.requested")}</Notice></div> : null}
      {r.due > 0 ? (
        <div className="mb-4">
          <Card title={t("ord:statistics.title")}>
            <div className="space-y-3 text-sm">
              {!monthEnded ? <p className="text-slate-600">{t("ord:statistics.monthOpen")}</p>
                : !ordConfigured ? <p className="text-slate-600">{t("ord:statistics.noKey")}</p>
                : ready > 0 && can(ctx.role, "referrals:write") ? (
                  <form action={requestStatisticsSendAction.bind(null, { locale, tenant: ctx.slug, month })}>
                    <button type="submit" className={buttonClass("primary")}>{t("ord:statistics.send", { count: ready })}</button>
                  </form>
                ) : ready === 0 && !unsent.some((p) => p.ordState === "pending") ? <p className="text-slate-600">{t("ord:statistics.nothingReady")}</p> : null}
              {waiting > 0 ? <p className="text-amber-800">{t("ord:statistics.waiting", { count: waiting })}</p> : null}
              <a href={`${base}/report/ord-export?month=${month}`} className="inline-block text-indigo-700 hover:underline" download>{t("ord:statistics.export")}</a>
            </div>
          </Card>
        </div>
      ) : null}
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card title={t("report.summary.title")}>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
            {summary.map((s) => (
              <div key={s.label} className="contents">
                <dt className="text-slate-700">{s.label}</dt>
                <dd className={`text-right font-medium ${s.warn ? "text-red-700" : "text-slate-900"}`}>{formatNumber(locale, s.value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("report.byStatus")}>
          <ul className="space-y-2 text-sm">
            {placementStatuses.map((s) => (
              <li key={s} className="flex items-center justify-between gap-3">
                <PlacementStatusBadge status={s} label={t(`status.${s}`)} />
                <span className="font-medium">{formatNumber(locale, r.byStatus[s])}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      {r.rows.length === 0 ? <EmptyState>{t("report.empty")}</EmptyState> : (
        <DataTable head={head}>
          {r.rows.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-3 whitespace-nowrap"><Link href={`${base}/${p.id}`} className="font-medium text-indigo-700 hover:underline">{formatDay(locale, p.publishedOn ?? p.plannedOn)}</Link></td>
              <td className="px-4 py-3">{p.brandName}</td>
              {/* The platform under the creator: one column less keeps the Russian table within 1280 px. */}
              <td className="px-4 py-3">{p.creatorName}<span className="block text-xs text-slate-500">{platformName(t, p.platform)}</span></td>
              <td className="px-4 py-3"><PlacementStatusBadge status={p.status} label={t(`status.${p.status}`)} /></td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1">
                  {p.missingErid ? <Badge tone="red">{t("report.noErid")}</Badge> : null}
                  {p.missingRegistration ? <Badge tone="red">{t("report.noRegistration")}</Badge> : null}
                  {!p.missingErid && !p.missingRegistration ? <span className="text-slate-500">{t("report.checksOk")}</span> : null}
                </div>
              </td>
              <td className="px-4 py-3">
                {!p.statsDue ? <span className="text-slate-500">{t("report.notDue")}</span>
                  : p.statsSent ? <Badge tone="green">{t("report.sent")}</Badge>
                  : p.ordState === "bad" ? <Link href={`${base}/${p.id}/ord`}><Badge tone="red">{t("ord:statistics.refused")}</Badge></Link>
                  : p.ordState === "pending" ? <Badge tone="amber">{t("ord:statistics.sending")}</Badge>
                  : <Badge tone="amber">{t("report.notSent")}</Badge>}
              </td>
              <td className="px-4 py-3 text-right">{p.impressions === null ? "—" : formatNumber(locale, p.impressions)}</td>
              <td className="px-4 py-3 text-right">{formatNumber(locale, p.clicks)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
