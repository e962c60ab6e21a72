import { CompactSplit } from "@/components/funnel/compact-split";
import { FunnelControls } from "@/components/funnel/funnel-controls";
import { FunnelSteps } from "@/components/funnel/funnel-steps";
import { SeriesSection } from "@/components/funnel/series-section";
import { RateTiles, StageTiles } from "@/components/funnel/stage-tiles";
import { PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { parseFunnelParams } from "@/lib/funnel/params";
import { funnelScopeForPartner, getFunnelSeries, getFunnelSplit, getFunnelSummary } from "@/lib/funnel/queries";
import { formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/**
 * The partner's own funnel: their links' clicks and their referrals' outcomes, nobody else's. The
 * scope forces the partner; program, partner and market filters from the URL are dropped anyway.
 */
export default async function PortalFunnelPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const scope = await funnelScopeForPartner(ctx);
  // The agency's local days ("today", presets and the dates in the URL).
  const parsed = parseFunnelParams(await searchParams, new Date(), scope.timeZone);
  const view = { ...parsed.view, program: undefined, partner: undefined, pair: undefined, cross: undefined, without: undefined };
  const filter = { from: parsed.filter.from, to: parsed.filter.to, basis: parsed.filter.basis };
  const [summary, series, byProgram, t] = await Promise.all([
    getFunnelSummary(scope, filter),
    getFunnelSeries(scope, filter),
    getFunnelSplit(scope, filter, "program"),
    getT(locale, ["funnel", "common"]),
  ]);
  return (
    <>
      <PageHeader
        title={t("portalTitle")}
        subtitle={`${t("range", { from: formatDay(locale, view.from), to: formatDay(locale, view.to) })} · ${t(`basis.${view.basis}`)}`}
      />
      <p className="-mt-4 mb-4 text-sm text-slate-600">{t("portalSubtitle")}</p>
      <FunnelControls view={view} path={`/${locale}/p/${ctx.slug}/funnel`} locale={locale} t={t} />
      <div className="space-y-6">
        <div>
          <StageTiles totals={summary.totals} locale={locale} t={t} narrow />
          <RateTiles rates={summary.rates} basis={summary.basis} locale={locale} t={t} />
        </div>
        <FunnelSteps totals={summary.totals} rates={summary.rates} basis={summary.basis} locale={locale} t={t} />
        <SeriesSection points={series} currency={summary.totals.revenue.currency} locale={locale} t={t} />
        <CompactSplit dim="program" rows={byProgram} basis={summary.basis} locale={locale} t={t} />
      </div>
    </>
  );
}
