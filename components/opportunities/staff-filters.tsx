import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairLabel } from "@/components/referrals/market-pair-label";
import type { OpportunityListQuery } from "@/lib/opportunities/schemas";

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** A plain GET form for the market pair; the status tabs keep their own links. */
export function OpportunityPairFilter({ query, pairs, resetHref, t }: { query: OpportunityListQuery; pairs: { source: string; target: string }[]; resetHref: string; t: TFunction }) {
  const current = query.pair ? `${query.pair.source}-${query.pair.target}` : "";
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">{t("opportunities:list.pair")}</span>
        <select name="pair" defaultValue={current} className={control}>
          <option value="">{t("opportunities:list.allPairs")}</option>
          {pairs.map((p) => <option key={`${p.source}-${p.target}`} value={`${p.source}-${p.target}`}>{marketPairLabel(t, p.source, p.target)}</option>)}
        </select>
      </label>
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">{t("opportunities:list.apply")}</button>
        {current ? <Link href={resetHref} className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("opportunities:list.reset")}</Link> : null}
      </div>
    </form>
  );
}

export function listSearch(query: OpportunityListQuery, overrides: { status?: string; page?: number } = {}): string {
  const params = new URLSearchParams();
  const status = "status" in overrides ? overrides.status : query.status;
  if (status) params.set("status", status);
  if (query.pair) params.set("pair", `${query.pair.source}-${query.pair.target}`);
  const page = overrides.page ?? 1;
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
