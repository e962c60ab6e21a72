import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { FunnelBasis, FunnelRates, FunnelTotals, LeaderboardSort } from "@/lib/funnel/types";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { softHyphens } from "@/lib/i18n/hyphenate";
import type { Locale } from "@/lib/i18n/settings";
import { rateTexts } from "./format";
import { RateShown } from "./rate-shown";
import type { StageLinks } from "./stage-tiles";

const volume = ["clicks", "referrals"] as const;
const quality = ["qualified", "closes"] as const;
const rateKeys = ["clickToReferral", "referralToQualified", "qualifiedToClose"] as const;

export type TotalsTableRow = { key: string; lead: ReactNode[]; totals: FunnelTotals; rates: FunnelRates; links?: StageLinks; emphasis?: boolean };
export type TableSort = { by: LeaderboardSort; dir: "asc" | "desc"; href: (by: LeaderboardSort, dir: "asc" | "desc") => string };

const th = "px-2 py-2 font-semibold";
const td = "px-2 py-2 text-right tabular-nums whitespace-nowrap";

/**
 * Rows of stage totals with volume, quality and rates under their own group headings, so a
 * partner with many clicks and no closes reads as exactly that. Optional sortable columns.
 */
export function TotalsTable({ lead, rows, basis, locale, t, sort, caption }: { lead: string[]; rows: TotalsTableRow[]; basis: FunnelBasis; locale: Locale; t: TFunction; sort?: TableSort; caption?: string }) {
  const texts = rows.map((row) => Object.fromEntries(rateKeys.map((k) => [k, rateTexts(locale, k, row.rates[k], basis, t)])) as Record<(typeof rateKeys)[number], ReturnType<typeof rateTexts>>);
  // "—" in a cell says why in its tooltip; the table says it once, visibly, under the rows.
  const reasons = [...new Set(texts.flatMap((r) => rateKeys.map((k) => r[k].reason)).filter((r): r is string => Boolean(r)))];
  // Long Russian words («Квалифицированные») may break with a hyphen: ten columns fit 1280 px then.
  // The arrow of a rate stays with the stage before it, never alone on a line.
  const head = (key: LeaderboardSort, text: string) => {
    const label = softHyphens(locale, text, { once: true }).replaceAll(" →", "\u00a0→");
    if (!sort) return <th key={key} scope="col" className={`${th} text-right`}>{label}</th>;
    const active = sort.by === key;
    const next = active && sort.dir === "desc" ? "asc" : "desc";
    return (
      <th key={key} scope="col" className={`${th} text-right`} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={sort.href(key, next)} className="hover:text-indigo-700" title={t("funnel:leaderboard.sortBy", { column: text })}>
          {label}{active ? (sort.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      </th>
    );
  };
  const count = (row: TotalsTableRow, k: "clicks" | "referrals" | "qualified" | "closes") => {
    const href = row.links?.[k];
    const text = formatNumber(locale, row.totals[k]);
    return <td key={k} className={td}>{href ? <Link href={href} className="hover:text-indigo-700 hover:underline">{text}</Link> : text}</td>;
  };
  return (
    <div className="relative overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            <td colSpan={lead.length} />
            <th scope="colgroup" colSpan={2} className={`${th} border-l border-slate-200 text-center`}>{t("funnel:volume")}</th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l border-slate-200 text-center`}>{t("funnel:quality")}</th>
            <th scope="colgroup" colSpan={3} className={`${th} border-l border-slate-200 text-center`}>{t(`funnel:rates.title_${basis}`)}</th>
          </tr>
          <tr>
            {lead.map((l) => <th key={l} scope="col" className={th}>{l}</th>)}
            {volume.map((k) => head(k, t(`funnel:stages.${k}`)))}
            {quality.map((k) => head(k, t(`funnel:stages.${k}`)))}
            {head("revenue", t("funnel:stages.revenue"))}
            {rateKeys.map((k) => head(k, t(`funnel:rates.${k}`)))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <tr key={row.key} className={row.emphasis ? "bg-indigo-50/40 font-medium" : undefined}>
              {row.lead.map((cell, j) => (j === 0 ? <th key={j} scope="row" className="px-3 py-2 text-left font-medium">{cell}</th> : <td key={j} className="px-3 py-2">{cell}</td>))}
              {volume.map((k) => count(row, k))}
              {quality.map((k) => count(row, k))}
              <td className={td}>
                {row.links?.revenue ? (
                  <Link href={row.links.revenue} className="hover:text-indigo-700 hover:underline">{formatMoney(locale, row.totals.revenue.minor, row.totals.revenue.currency)}</Link>
                ) : formatMoney(locale, row.totals.revenue.minor, row.totals.revenue.currency)}
                {row.totals.missingFxEvents > 0 ? <MissingFxShort count={row.totals.missingFxEvents} t={t} /> : null}
              </td>
              {rateKeys.map((k) => (
                <td key={k} className={td}>
                  <RateShown variant="cell" texts={texts[i][k]} shownCounts={softHyphens(locale, texts[i][k].counts)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {reasons.length ? (
        <ul className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
          {reasons.map((r) => <li key={r}>{t("funnel:rates.footnote", { reason: r })}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

function MissingFxShort({ count, t }: { count: number; t: TFunction }) {
  return <span className="block text-xs font-normal text-amber-800" title={t("funnel:missingFxHelp")}>{t("funnel:missingFx", { count })}</span>;
}

