import { OpportunityCard } from "@/components/opportunities/board-card";
import { BoardFilters, boardSearch } from "@/components/opportunities/board-filters";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import type { PublicContext } from "@/lib/auth/contexts/public";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { listBoard } from "@/lib/opportunities/board";
import type { BoardQuery } from "@/lib/opportunities/schemas";

/**
 * An agency's open opportunities, newest first, filterable: the body of the public board and of its
 * embedded copy. `base` is where the list lives; an opportunity's page is `${base}/<id>`.
 */
export async function BoardListView({ locale, tenant, query, base }: { locale: Locale; tenant: PublicContext; query: BoardQuery; base: string }) {
  const [result, t] = await Promise.all([listBoard(tenant, query), getT(locale, ["board", "opportunities", "common"])]);
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
