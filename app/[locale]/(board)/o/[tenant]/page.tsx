import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpportunityCard } from "@/components/opportunities/board-card";
import { BoardFilters, boardSearch } from "@/components/opportunities/board-filters";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listBoard } from "@/lib/opportunities/board";
import { boardTenant, redirectShareLink } from "@/lib/opportunities/board-page";
import { boardQuery } from "@/lib/opportunities/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) return {};
  const t = await getT(locale, "board");
  return { title: t("list.metaTitle", { agency: tenant.name }) };
}

/** An agency's public board: its open opportunities, newest first, filterable. */
export default async function BoardPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) notFound();
  const search = await searchParams;
  redirectShareLink(locale, tenant.slug, null, search.ref);
  const query = boardQuery.parse(flattenSearchParams(search));
  const [result, t] = await Promise.all([listBoard(tenant, query), getT(locale, ["board", "opportunities", "common"])]);
  const base = `/${locale}/o/${tenant.slug}`;
  const filtered = !!(query.pair || query.platform || query.niche || query.budget);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("list.title")}</h1>
        <p className="mt-2 text-slate-700">{t("list.lead", { agency: tenant.name })}</p>
      </div>
      <BoardFilters query={query} options={result.options} currency={locale === "ru" ? "RUB" : "USD"} resetHref={base} locale={locale} t={t} />
      <p className="text-sm font-medium text-slate-700" aria-live="polite">
        {t(filtered ? "list.countFiltered" : "list.count", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState>{t(filtered ? "list.emptyFiltered" : "list.empty", { agency: tenant.name })}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.items.map((o) => (
            <li key={o.id}><OpportunityCard o={o} href={`${base}/${o.id}`} locale={locale} t={t} /></li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${base}${boardSearch(query, p)}`} t={t} />
    </div>
  );
}
