import Link from "next/link";
import { FallbackNote, Localized } from "@/components/opportunities/localized";
import { OpportunityStatusBadge } from "@/components/opportunities/status-badge";
import { listSearch, OpportunityPairFilter } from "@/components/opportunities/staff-filters";
import { MarketPair } from "@/components/referrals/market-pair";
import { ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatNumber, formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { opportunityStatuses } from "@/lib/opportunities/codes";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { listOpportunities } from "@/lib/opportunities/opportunities";
import { budgetText, slotsText } from "@/lib/opportunities/present";
import { opportunityListQuery } from "@/lib/opportunities/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function OpportunitiesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:read");
  const query = opportunityListQuery.parse(flattenSearchParams(await searchParams));
  const [result, t] = await Promise.all([listOpportunities(ctx, query), getT(locale, ["opportunities", "referrals", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/opportunities`;
  const all = Object.values(result.statusCounts).reduce((n: number, c) => n + (c ?? 0), 0);
  const tab = (status: string | undefined, label: string, count: number) => {
    const active = query.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={`${base}${listSearch(query, { status })}`}
        aria-current={active ? "page" : undefined}
        className={`shrink-0 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
      >
        {label} <span className={`tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`}>{formatNumber(locale, count)}</span>
      </Link>
    );
  };

  return (
    <>
      <PageHeader
        title={t("list.title")}
        subtitle={t("list.count", { count: result.total })}
        actions={can(ctx.role, "opportunities:write") ? <ButtonLink href={`${base}/new`}>{t("list.new")}</ButtonLink> : null}
      />
      <nav aria-label={t("list.status")} className="-mx-4 mb-4 flex gap-2 overflow-x-auto px-4 pb-1">
        {tab(undefined, t("list.allStatuses"), all)}
        {opportunityStatuses.map((s) => tab(s, t(`status.${s}`), result.statusCounts[s] ?? 0))}
      </nav>
      <OpportunityPairFilter query={query} pairs={result.pairs} resetHref={`${base}${listSearch({ ...query, pair: undefined })}`} t={t} />
      {result.items.length === 0 ? (
        <EmptyState>{t(all === 0 && !query.pair ? "list.empty" : "list.emptyFiltered")}</EmptyState>
      ) : (
        <DataTable
          head={[
            { label: t("list.columns.opportunity") },
            { label: t("list.columns.pair") },
            { label: t("list.columns.lookingFor") },
            { label: t("list.columns.budget") },
            { label: t("list.columns.deadline") },
            { label: t("list.columns.status") },
            { label: t("list.columns.optIns"), align: "right" },
          ]}
        >
          {result.items.map((o) => {
            const { title } = opportunityText(locale, o);
            return (
              <tr key={o.id} className="align-top hover:bg-slate-50">
                <td className="max-w-80 px-4 py-3">
                  <Link href={`${base}/${o.id}`} className="font-medium text-slate-900 hover:text-indigo-700"><Localized text={title} /></Link>
                  <p className="text-xs text-slate-500">{o.program.name}</p>
                  {title.fallback ? <FallbackNote lang={title.lang} label={t(`opportunities:fallback.${title.lang}`)} /> : null}
                </td>
                <td className="px-4 py-3"><MarketPair source={o.sourceMarket} target={o.targetMarket} crossLabel={t("referrals:crossMarket")} /></td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-700">{slotsText(t, o)}</td>
                <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">{budgetText(t, locale, o) ?? "—"}</td>
                <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-600">{o.deadline ? formatDay(locale, o.deadline) : "—"}</td>
                <td className="px-4 py-3"><OpportunityStatusBadge status={o.status} label={t(`status.${o.status}`)} /></td>
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  <Link href={`${base}/${o.id}/opt-ins`} className="tabular-nums font-medium text-indigo-700 hover:underline">{formatNumber(locale, o._count.optIns)}</Link>
                  {o.newOptIns ? <span className="ml-1.5"><Badge tone="amber">{t("list.newOptIns", { count: o.newOptIns })}</Badge></span> : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${base}${listSearch(query, { page: p })}`} t={t} />
    </>
  );
}
