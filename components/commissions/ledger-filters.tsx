import type { TFunction } from "i18next";
import Link from "next/link";
import { kinds, statuses, type LedgerQuery } from "@/lib/commissions/schemas";

const control = "mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300";

/** A plain GET form (works without JavaScript): status, kind, partner, currency. */
export function LedgerFilters({ query, partners, resetHref, t }: { query: LedgerQuery; partners: { id: string; name: string }[]; resetHref: string; t: TFunction }) {
  return (
    <form method="get" aria-label={t("filters.label")} className="mb-4 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-5 sm:items-end">
      <label className="text-sm font-medium text-slate-800">
        {t("filters.status")}
        <select name="status" defaultValue={query.status ?? ""} className={control}>
          <option value="">{t("filters.any")}</option>
          {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("filters.kind")}
        <select name="kind" defaultValue={query.kind ?? ""} className={control}>
          <option value="">{t("filters.any")}</option>
          {kinds.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("filters.partner")}
        <select name="partner" defaultValue={query.partner ?? ""} className={control}>
          <option value="">{t("filters.any")}</option>
          {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("filters.currency")}
        <input name="currency" defaultValue={query.currency ?? ""} maxLength={3} placeholder="USD" className={`${control} uppercase`} />
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white">{t("filters.apply")}</button>
        <Link href={resetHref} className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300">{t("filters.reset")}</Link>
      </div>
    </form>
  );
}
