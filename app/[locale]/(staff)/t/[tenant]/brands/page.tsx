import Link from "next/link";
import { DirectoryFilters, listHref } from "@/components/directory/directory-filters";
import { ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listBrands } from "@/lib/directory/brands";
import { parseListQuery } from "@/lib/directory/parse-list-query";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BrandsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:read");
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
        <p className="rounded-xl bg-white p-8 text-center text-sm text-slate-600 ring-1 ring-slate-200">{t("brands.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">{t("fields.name")}</th>
                <th scope="col" className="px-4 py-3">{t("fields.market")}</th>
                <th scope="col" className="px-4 py-3">{t("fields.industry")}</th>
                <th scope="col" className="px-4 py-3">{t("fields.niches")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("brands.referrals")}</th>
                <th scope="col" className="px-4 py-3">{t("fields.added")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((b) => (
                <tr key={b.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`${base}/${b.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{b.name}</Link>
                    {b.websiteNormalized ? <p className="text-xs text-slate-500">{b.websiteNormalized}</p> : null}
                  </td>
                  <td className="px-4 py-3"><Badge tone="indigo">{b.market}</Badge>{b.isClient ? <span className="ml-1"><Badge tone="green">{t("brands.client")}</Badge></span> : null}</td>
                  <td className="px-4 py-3 text-slate-700">{b.industry ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-600">{b.niches.join(", ") || "—"}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatNumber(locale, b._count.referrals)}</td>
                  <td className="px-4 py-3 tabular-nums text-slate-600">{formatDate(locale, b.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        href={(p) => listHref(base, query, p)}
        labels={{ prev: t("pagination.prev"), next: t("pagination.next"), of: t("pagination.of", { page: result.page, pages: result.pageCount }) }}
      />
    </>
  );
}
