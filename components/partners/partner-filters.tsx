import type { TFunction } from "i18next";
import Link from "next/link";
import { markets } from "@/lib/directory/platforms";
import type { PartnerStatus } from "@/lib/kernel/enums";
import type { Locale } from "@/lib/i18n/settings";
import { formatNumber } from "@/lib/i18n/format";
import type { PartnerListQuery } from "@/lib/partners/schemas";
import { trustTiers } from "@/lib/partners/trust-tiers";
import { partnerStatuses } from "@/lib/partners/status-transitions";

type Props = {
  base: string;
  locale: Locale;
  query: PartnerListQuery;
  counts: Partial<Record<PartnerStatus, number>>;
  programs: { id: string; name: string }[];
  t: TFunction;
};

/** Status tabs with counts, plus a plain GET form: filters live in the URL, so they can be shared. */
export function PartnerFilters({ base, locale, query, counts, programs, t }: Props) {
  const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
  const notRemoved = partnerStatuses.filter((s) => s !== "removed").reduce((n, s) => n + (counts[s] ?? 0), 0);
  const tabs: { status?: PartnerStatus; label: string; count: number }[] = [
    { label: t("filters.allStatuses"), count: notRemoved },
    ...partnerStatuses.map((status) => ({ status, label: t(`status.${status}`), count: counts[status] ?? 0 })),
  ];
  return (
    <div className="mb-4 space-y-3">
      <nav aria-label={t("filters.statusTabs")} className="flex flex-wrap gap-1.5">
        {tabs.map((tab) => {
          const active = tab.status === query.status;
          return (
            <Link
              key={tab.status ?? "all"}
              href={partnerListHref(base, { ...query, status: tab.status }, 1)}
              aria-current={active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {tab.label}
              <span className={`tabular-nums text-xs ${active ? "text-indigo-100" : "text-slate-500"}`}>{formatNumber(locale, tab.count)}</span>
            </Link>
          );
        })}
      </nav>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <label className="min-w-56 flex-1">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("filters.search")}</span>
          <input name="q" defaultValue={query.q ?? ""} placeholder={t("filters.searchPlaceholder")} className={`${control} w-full`} />
        </label>
        <label>
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("fields.market")}</span>
          <select name="market" defaultValue={query.market ?? ""} className={control}>
            <option value="">{t("filters.allMarkets")}</option>
            {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("fields.tier")}</span>
          <select name="tier" defaultValue={query.tier ?? ""} className={control}>
            <option value="">{t("filters.allTiers")}</option>
            {trustTiers.map((tier) => <option key={tier} value={tier}>{t(`tiers.${tier}`)}</option>)}
          </select>
        </label>
        {programs.length > 0 ? (
          <label>
            <span className="mb-1 block text-xs font-medium text-slate-600">{t("fields.programs")}</span>
            <select name="program" defaultValue={query.program ?? ""} className={`${control} max-w-56`}>
              <option value="">{t("filters.allPrograms")}</option>
              {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">
          {t("filters.apply")}
        </button>
      </form>
    </div>
  );
}

export function partnerListHref(base: string, query: PartnerListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.q) params.set("q", query.q);
  if (query.market) params.set("market", query.market);
  if (query.tier) params.set("tier", query.tier);
  if (query.program) params.set("program", query.program);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
