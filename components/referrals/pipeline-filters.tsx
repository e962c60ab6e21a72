import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairLabel } from "@/components/referrals/market-pair-label";
import type { PipelineQuery } from "@/lib/referrals/list-query";
import { DateInput } from "@/components/ui/date-input";

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const label = "mb-1 block text-xs font-medium text-slate-600";

type Options = { programs: { id: string; name: string }[]; partners: { id: string; name: string }[]; pairs: { source: string; target: string }[] };

/** A plain GET form: the filters live in the URL, so a view can be shared, reloaded and exported. */
export function PipelineFilters({ query, options, resetHref, locale, t }: { query: PipelineQuery; options: Options; resetHref: string; locale: string; t: TFunction }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="w-full sm:w-56">
        <span className={label}>{t("filters.search")}</span>
        <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} placeholder={t("filters.searchPlaceholder")} className={`${control} w-full`} />
      </label>
      <label>
        <span className={label}>{t("filters.program")}</span>
        <select name="program" defaultValue={query.program ?? ""} className={`${control} max-w-48`}>
          <option value="">{t("filters.allPrograms")}</option>
          {options.programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span className={label}>{t("filters.partner")}</span>
        <select name="partner" defaultValue={query.partner ?? ""} className={`${control} max-w-48`}>
          <option value="">{t("filters.allPartners")}</option>
          {options.partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span className={label}>{t("filters.pair")}</span>
        <select name="pair" defaultValue={query.pair ? `${query.pair.source}-${query.pair.target}` : ""} className={control}>
          <option value="">{t("filters.allPairs")}</option>
          {options.pairs.map((p) => <option key={`${p.source}-${p.target}`} value={`${p.source}-${p.target}`}>{marketPairLabel(t, p.source, p.target)}</option>)}
        </select>
      </label>
      <label>
        <span className={label}>{t("filters.from")}</span>
        <DateInput locale={locale} name="from" defaultValue={query.from} className="w-32" />
      </label>
      <label>
        <span className={label}>{t("filters.to")}</span>
        <DateInput locale={locale} name="to" defaultValue={query.to} className="w-32" />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="cross" value="1" defaultChecked={query.cross} className="size-4 rounded border-slate-300 text-indigo-600" />
        {t("filters.crossOnly")}
      </label>
      {query.view ? <input type="hidden" name="view" value={query.view} /> : null}
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      {query.sort !== "submitted" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">{t("filters.apply")}</button>
        <Link href={resetHref} className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("filters.reset")}</Link>
      </div>
    </form>
  );
}
