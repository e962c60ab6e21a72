import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { NO_SPLIT_KEY, type FunnelBasis, type FunnelSplitRow, type Rate, type SplitDimension } from "@/lib/funnel/types";
import type { Locale } from "@/lib/i18n/settings";
import { rateTexts, splitRowLabel } from "./format";
import { missingValueOf } from "./links";
import type { StageLinks } from "./stage-tiles";
import { TotalsTable } from "./totals-table";

const closeRate = (row: FunnelSplitRow | undefined): Rate => {
  const numerator = row?.totals.closes ?? 0;
  const denominator = row?.totals.referrals ?? 0;
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
};

/**
 * The split by the chosen dimension, then the cross- vs single-market comparison that answers
 * "do cross-market referrals convert better?" with both rates and their bases.
 */
export function SplitSection({ dim, rows, comparison, basis, locale, t, linksFor, unattributedHref, action, cohortHref }: {
  dim: SplitDimension;
  basis: FunnelBasis;
  rows: FunnelSplitRow[];
  comparison: FunnelSplitRow[];
  locale: Locale;
  t: TFunction;
  linksFor?: (dim: SplitDimension, key: string) => StageLinks | undefined;
  /** The rows behind a split's "Unattributed" row (the events drill-down without that value). */
  unattributedHref?: (dim: SplitDimension) => string;
  action?: ReactNode;
  /** Set on the period basis: where the same view by cohort is, for a fair conversion comparison. */
  cohortHref?: string;
}) {
  const label = (d: SplitDimension, r: FunnelSplitRow): ReactNode => {
    if (r.key !== NO_SPLIT_KEY) return splitRowLabel(d, r, t);
    // "Unattributed" is not a partner/program/market of its own: say what is in it and where its rows are.
    return (
      <>
        {splitRowLabel(d, r, t)}
        <span className="block max-w-64 text-xs font-normal whitespace-normal text-slate-500">
          {t(`funnel:unattributed.${missingValueOf(d)}`)}
          {unattributedHref ? <> <Link href={unattributedHref(d)} className="font-medium text-indigo-700 hover:underline">{t("funnel:unattributed.rows")}</Link></> : null}
        </span>
      </>
    );
  };
  const toRow = (d: SplitDimension) => (r: FunnelSplitRow) => ({
    key: r.key, lead: [label(d, r)], totals: r.totals, rates: r.rates, links: linksFor?.(d, r.key),
  });
  const cross = comparison.find((r) => r.key === "cross");
  const single = comparison.find((r) => r.key === "single");
  const shown = (rate: Rate) => {
    const texts = rateTexts(locale, "referralToClose", rate, basis, t);
    return texts.reason ? texts.counts : `${texts.value} (${texts.counts})`;
  };
  const compareReason = rateTexts(locale, "referralToClose", closeRate(cross), basis, t).reason ?? rateTexts(locale, "referralToClose", closeRate(single), basis, t).reason;
  return (
    <Card title={t("funnel:split.title", { dim: t(`funnel:dims.${dim}`) })} action={action}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("funnel:split.empty")}</p>
      ) : (
        <TotalsTable lead={[t(`funnel:dims.${dim}`)]} rows={rows.map(toRow(dim))} basis={basis} locale={locale} t={t} caption={t("funnel:split.title", { dim: t(`funnel:dims.${dim}`) })} />
      )}
      {dim !== "crossMarket" ? (
        <div className="mt-6">
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funnel:split.compareTitle")}</h3>
          <p className="mb-1 text-sm text-slate-700">{t(`funnel:split.compareAnswer_${basis}`, { cross: shown(closeRate(cross)), single: shown(closeRate(single)) })}</p>
          {compareReason && basis === "cohort" ? <p className="mb-1 text-xs text-slate-500">{compareReason}</p> : null}
          {cohortHref ? (
            <p className="mb-3 text-xs text-slate-500">
              {t("funnel:split.cohortHint")} <Link href={cohortHref} className="font-medium text-indigo-700 hover:underline">{t("funnel:split.cohortLink")}</Link>
            </p>
          ) : <div className="mb-3" />}
          {comparison.length > 0 ? (
            <TotalsTable lead={[t("funnel:controls.cross")]} rows={comparison.map(toRow("crossMarket"))} basis={basis} locale={locale} t={t} caption={t("funnel:split.compareTitle")} />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
