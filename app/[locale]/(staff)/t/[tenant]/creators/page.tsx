import Link from "next/link";
import { DirectoryFilters, listHref } from "@/components/directory/directory-filters";
import { ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listCreators } from "@/lib/directory/creators";
import { parseListQuery } from "@/lib/directory/parse-list-query";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function CreatorsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = parseListQuery(await searchParams);
  const [result, t] = await Promise.all([listCreators(ctx, query), getT(locale, ["directory", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/creators`;
  return (
    <>
      <PageHeader
        title={t("creators.title")}
        subtitle={t("directory:creatorCount", { count: result.total })}
        actions={can(ctx.role, "directory:write") ? <ButtonLink href={`${base}/new`}>{t("creators.new")}</ButtonLink> : null}
      />
      <DirectoryFilters query={query} t={t} />
      {result.items.length === 0 ? (
        <EmptyState>{t("creators.empty")}</EmptyState>
      ) : (
        <DataTable
          head={[
            { label: t("fields.name") },
            { label: t("fields.market") },
            { label: t("fields.platforms") },
            { label: t("creators.totalAudience"), align: "right" },
            { label: t("fields.added") },
          ]}
        >
          {result.items.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`${base}/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{c.name}</Link>
                {c.niches.length ? <p className="text-xs text-slate-500">{c.niches.join(", ")}</p> : null}
              </td>
              <td className="px-4 py-3"><Badge tone="indigo">{t(`common:markets.${c.market}`)}</Badge></td>
              <td className="px-4 py-3 text-slate-700">
                {c.platforms.map((p) => (
                  <span key={p.id} className="mr-2 inline-block whitespace-nowrap">{t(`common:platforms.${p.platform}`)} <span className="text-slate-500">@{p.handleNormalized}</span></span>
                ))}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{formatNumber(locale, c.platforms.reduce((n, p) => n + p.audienceSize, 0))}</td>
              <td className="px-4 py-3 tabular-nums text-slate-600">{formatDate(fmt, c.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => listHref(base, query, p)} t={t} />
    </>
  );
}
