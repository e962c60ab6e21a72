import Link from "next/link";
import { PlacementStatusBadge } from "@/components/placements/status-badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";
import { platformName } from "@/lib/placements/describe-rule";
import { listPlacements } from "@/lib/placements/list-placements";
import { placementListQuery } from "@/lib/placements/schemas";
import { placementStatuses } from "@/lib/placements/state-machine";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Staff: every placement, newest planned first, filtered by status. */
export default async function PlacementsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const t = await getT(locale, ["placements", "common"]);
  const query = placementListQuery.parse(flattenSearchParams(await searchParams, { blankAsMissing: true }));
  const rows = await listPlacements(ctx, { status: query.status });
  const base = `/${locale}/t/${ctx.slug}/placements`;
  const head = [
    { label: t("columns.plannedOn") }, { label: t("columns.brand") }, { label: t("columns.creator") }, { label: t("columns.platform") },
    { label: t("columns.audience") }, { label: t("columns.price"), align: "right" as const }, { label: t("columns.status") }, { label: t("columns.erid"), className: "normal-case" },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("lead")} actions={<div className="flex flex-wrap gap-2"><Link href={`${base}/report`} className={buttonClass("secondary")}>{t("reportLink")}</Link><Link href={`${base}/rules`} className={buttonClass("secondary")}>{t("rulesLink")}</Link></div>} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("filter.status")}</span>
          <select name="status" defaultValue={query.status ?? ""} className="rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300">
            <option value="">{t("filter.all")}</option>
            {placementStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("filter.apply")}</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{query.status ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <DataTable head={head}>
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-3 whitespace-nowrap"><Link href={`${base}/${p.id}`} className="font-medium text-indigo-700 hover:underline">{formatDay(locale, p.plannedOn)}</Link></td>
              <td className="px-4 py-3">{p.brand.name}</td>
              <td className="px-4 py-3">{p.creatorName}</td>
              <td className="px-4 py-3">{platformName(t, p.platform)}</td>
              <td className="px-4 py-3">{t(`common:markets.${p.audienceMarket}`)}</td>
              <td className="px-4 py-3 text-right whitespace-nowrap">{formatMoney(locale, p.priceMinor, p.currency)}</td>
              <td className="px-4 py-3"><PlacementStatusBadge status={p.status} label={t(`status.${p.status}`)} /></td>
              <td className="px-4 py-3 font-mono text-xs">{p.erid ?? t("fields.none")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
