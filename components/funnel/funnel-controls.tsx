import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairKeyLabel } from "@/components/referrals/market-pair-label";
import { funnelSearch, mainPairs, pairParam, periodPresets, splitDimensions, type FunnelView } from "@/lib/funnel/params";
import { DateInput } from "@/components/ui/date-input";

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const label = "mb-1 block text-xs font-medium text-slate-600";
const chip = (active: boolean) =>
  `inline-flex min-h-9 shrink-0 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;

type Options = { programs: { id: string; name: string }[]; partners: { id: string; name: string }[] };

/**
 * The view's controls. Presets and the basis are links; dates and filters are a plain GET form,
 * so every view is a URL that works without JavaScript and can be shared.
 * `options` absent = the partner portal (no program/partner/market filters, no split).
 */
export function FunnelControls({ view, path, locale, t, options, split = false }: { view: FunnelView; path: string; locale: string; t: TFunction; options?: Options; split?: boolean }) {
  const href = (patch: Partial<FunnelView>) => `${path}${funnelSearch(view, { page: 1, ...patch })}`;
  return (
    <section aria-label={t("funnel:controls.label")} className="mb-6 space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <nav aria-label={t("funnel:controls.period")} className="flex gap-2 overflow-x-auto pb-1">
          {periodPresets.map((p) => (
            <Link key={p} href={href({ period: p })} aria-current={view.period === p ? "page" : undefined} className={chip(view.period === p)}>
              {t(`funnel:period.${p}`)}
            </Link>
          ))}
        </nav>
        <nav aria-label={t("funnel:controls.basis")} className="flex rounded-full bg-slate-100 p-0.5">
          {(["period", "cohort"] as const).map((b) => (
            <Link
              key={b}
              href={href({ basis: b })}
              aria-current={view.basis === b ? "page" : undefined}
              className={`inline-flex min-h-9 items-center rounded-full px-3 text-sm font-medium ${view.basis === b ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"}`}
            >
              {t(`funnel:basis.${b}`)}
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-800">{t(`funnel:basis.${view.basis}`)}:</span> {t(`funnel:basis.${view.basis}Help`)}
      </p>
      <form method="get" action={path} role="search" className="flex flex-wrap items-end gap-3">
        <label>
          <span className={label}>{t("funnel:controls.from")}</span>
          <DateInput locale={locale} name="from" defaultValue={view.from} className="w-32" />
        </label>
        <label>
          <span className={label}>{t("funnel:controls.to")}</span>
          <DateInput locale={locale} name="to" defaultValue={view.to} className="w-32" />
        </label>
        {options ? (
          <>
            <label>
              <span className={label}>{t("funnel:controls.program")}</span>
              <select name="program" defaultValue={view.program ?? ""} className={`${control} max-w-48`}>
                <option value="">{t("funnel:controls.allPrograms")}</option>
                {options.programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label>
              <span className={label}>{t("funnel:controls.partner")}</span>
              <select name="partner" defaultValue={view.partner ?? ""} className={`${control} max-w-48`}>
                <option value="">{t("funnel:controls.allPartners")}</option>
                {options.partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label>
              <span className={label}>{t("funnel:controls.pair")}</span>
              <select name="pair" defaultValue={view.pair ? pairParam(view.pair) : ""} className={control}>
                <option value="">{t("funnel:controls.allPairs")}</option>
                {[...new Set([...mainPairs, ...(view.pair ? [view.pair] : [])])].map((p) => (
                  <option key={p} value={pairParam(p)}>{marketPairKeyLabel(t, p)}</option>
                ))}
              </select>
            </label>
            <label>
              <span className={label}>{t("funnel:controls.cross")}</span>
              <select name="cross" defaultValue={view.cross ?? ""} className={control}>
                <option value="">{t("funnel:controls.crossAll")}</option>
                <option value="cross">{t("funnel:cross.cross")}</option>
                <option value="single">{t("funnel:cross.single")}</option>
              </select>
            </label>
          </>
        ) : null}
        {split ? (
          <label>
            <span className={label}>{t("funnel:controls.split")}</span>
            <select name="split" defaultValue={view.split} className={control}>
              {splitDimensions.map((d) => <option key={d} value={d}>{t(`funnel:dims.${d}`)}</option>)}
            </select>
          </label>
        ) : null}
        {/* Unchanged dates keep a rolling preset (see parseFunnelParams); the rest of the view rides along. */}
        {view.period !== "custom" ? <input type="hidden" name="period" value={view.period} /> : null}
        {view.basis !== "period" ? <input type="hidden" name="basis" value={view.basis} /> : null}
        {!split && view.split !== "marketPair" ? <input type="hidden" name="split" value={view.split} /> : null}
        {view.sort !== "revenue" ? <input type="hidden" name="sort" value={view.sort} /> : null}
        {view.dir !== "desc" ? <input type="hidden" name="dir" value={view.dir} /> : null}
        {view.without ? <input type="hidden" name="without" value={view.without} /> : null}
        {view.stage !== "referrals" ? <input type="hidden" name="stage" value={view.stage} /> : null}
        {view.source ? <input type="hidden" name="source" value={view.source} /> : null}
        {view.type ? <input type="hidden" name="type" value={view.type} /> : null}
        {view.excluded ? <input type="hidden" name="excluded" value="1" /> : null}
        <div className="flex items-center gap-3">
          <button type="submit" className="min-h-9 rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">{t("funnel:controls.apply")}</button>
          <Link href={path} className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("funnel:controls.reset")}</Link>
        </div>
      </form>
    </section>
  );
}
