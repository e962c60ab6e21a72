import type { TFunction } from "i18next";
import { markets } from "@/lib/directory/platforms";
import type { ListQuery } from "@/lib/directory/schemas";

/** A plain GET form: filters live in the URL, so they can be shared and survive reloads. */
export function DirectoryFilters({ query, t }: { query: ListQuery; t: TFunction }) {
  const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-56 flex-1">
        <span className="mb-1 block text-xs font-medium text-slate-600">{t("directory:filters.search")}</span>
        <input name="q" defaultValue={query.q ?? ""} placeholder={t("directory:filters.searchPlaceholder")} className={`${control} w-full`} />
      </label>
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">{t("directory:fields.market")}</span>
        <select name="market" defaultValue={query.market ?? ""} className={control}>
          <option value="">{t("directory:filters.allMarkets")}</option>
          {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">{t("directory:filters.status")}</span>
        <select name="status" defaultValue={query.status} className={control}>
          <option value="active">{t("directory:filters.active")}</option>
          <option value="archived">{t("directory:filters.archived")}</option>
        </select>
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">
        {t("directory:filters.apply")}
      </button>
    </form>
  );
}

export function listHref(base: string, query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.market) params.set("market", query.market);
  if (query.status !== "active") params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
