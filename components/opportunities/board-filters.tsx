import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairLabel } from "@/components/referrals/market-pair-label";
import { platformCodes } from "@/lib/directory/platforms";
import { currencyInSentence } from "@/lib/kernel/currencies";
import type { BoardQuery } from "@/lib/opportunities/schemas";
import { dealCurrencies } from "@/lib/referrals/codes";

const base = "block rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const control = `${base} w-full`;
const label = "mb-1 block text-xs font-medium text-slate-600";

type Options = { pairs: { source: string; target: string }[]; niches: string[] };

/** A plain GET form: filters live in the URL, so a filtered board can be shared and works without JavaScript. */
export function BoardFilters({ query, options, currency, resetHref, locale, t }: { query: BoardQuery; options: Options; currency: string; resetHref: string; locale: string; t: TFunction }) {
  const active = !!(query.pair || query.platform || query.niche || query.budget);
  return (
    <form method="get" role="search" aria-label={t("board:filters.label")} className="mb-5 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label>
          <span className={label}>{t("board:filters.pair")}</span>
          <select name="pair" defaultValue={query.pair ? `${query.pair.source}-${query.pair.target}` : ""} className={control}>
            <option value="">{t("board:filters.any")}</option>
            {options.pairs.map((p) => <option key={`${p.source}-${p.target}`} value={`${p.source}-${p.target}`}>{marketPairLabel(t, p.source, p.target)}</option>)}
          </select>
        </label>
        <label>
          <span className={label}>{t("board:filters.platform")}</span>
          <select name="platform" defaultValue={query.platform ?? ""} className={control}>
            <option value="">{t("board:filters.any")}</option>
            {platformCodes.map((p) => <option key={p} value={p}>{t(`common:platforms.${p}`)}</option>)}
          </select>
        </label>
        <label>
          <span className={label}>{t("board:filters.niche")}</span>
          <select name="niche" defaultValue={query.niche ?? ""} className={control}>
            <option value="">{t("board:filters.any")}</option>
            {options.niches.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <div className="col-span-2 sm:col-span-1">
          <span className={label} id="budget-label">{t("board:filters.budget")}</span>
          <div className="flex gap-1.5" role="group" aria-labelledby="budget-label">
            <input name="budget" inputMode="decimal" defaultValue={query.budget ?? ""} placeholder={t("board:filters.budgetPlaceholder")} aria-label={t("board:filters.budgetAmount")} className={`${control} min-w-0 flex-1`} />
            <select name="currency" defaultValue={query.currency ?? currency} aria-label={t("board:filters.currency")} className={`${base} w-24 shrink-0`}>
              {dealCurrencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
        </div>
      </div>
      <div className="mt-3 flex items-center gap-4">
        <button type="submit" className="min-h-10 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700">{t("board:filters.apply")}</button>
        {active ? <Link href={resetHref} className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("board:filters.reset")}</Link> : null}
      </div>
      {query.budget ? <p className="mt-2 text-xs text-slate-500">{t("board:filters.budgetNote", { currency: currencyInSentence(query.currency ?? currency, locale) })}</p> : null}
    </form>
  );
}

export function boardSearch(query: BoardQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.pair) params.set("pair", `${query.pair.source}-${query.pair.target}`);
  if (query.platform) params.set("platform", query.platform);
  if (query.niche) params.set("niche", query.niche);
  if (query.budget && query.currency) {
    params.set("budget", query.budget);
    params.set("currency", query.currency);
  }
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
