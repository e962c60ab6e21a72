import Link from "next/link";
import { DirectoryFilters, listHref } from "@/components/directory/directory-filters";
import { ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listBrands } from "@/lib/directory/brands";
import { parseListQuery } from "@/lib/directory/parse-list-query";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function BrandsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = parseListQuery(await searchParams);
  const [result, t] = await Promise.all([listBrands(ctx, query), getT(locale, ["directory", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/brands`;
  return (
    <>
      <PageHeader
        title={t("brands.title")}
        subtitle={t("directory:brandCount", { count: result.total, formatted: formatNumber(locale, result.total) })}
        actions={can(ctx.role, "directory:write") ? <ButtonLink href={`${base}/new`}>{t("brands.new")}</ButtonLink> : null}
      />
      <DirectoryFilters query={query} t={t} />
      {result.items.length === 0 ? (
        <EmptyState>{t("brands.empty")}</EmptyState>
      ) : (
        <DataTable
          head={[
            { label: t("fields.name") },
            { label: t("fields.market") },
            { label: t("fields.industry") },
            { label: t("fields.niches") },
            { label: t("brands.referrals"), align: "right" },
            { label: t("fields.added") },
          ]}
        >
          {result.items.map((b) => (
            <tr key={b.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`${base}/${b.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{b.name}</Link>
                {b.websiteNormalized ? <p className="text-xs text-slate-500">{b.websiteNormalized}</p> : null}
              </td>
              <td className="px-4 py-3"><Badge tone="indigo">{t(`common:markets.${b.market}`)}</Badge>{b.isClient ? <span className="ml-1"><Badge tone="green">{t("brands.client")}</Badge></span> : null}</td>
              <td className="px-4 py-3 text-slate-700">{b.industry ?? "—"}</td>
              <td className="px-4 py-3 text-slate-600">{b.niches.join(", ") || "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatNumber(locale, b._count.referrals)}</td>
              <td className="px-4 py-3 tabular-nums text-slate-600">{formatDate(fmt, b.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => listHref(base, query, p)} t={t} />
    </>
  );
}
