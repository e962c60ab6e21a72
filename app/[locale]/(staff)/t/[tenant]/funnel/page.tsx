import Link from "next/link";
import { ExportLink } from "@/components/funnel/export-link";
import { FunnelControls } from "@/components/funnel/funnel-controls";
import { FunnelSteps } from "@/components/funnel/funnel-steps";
import { Leaderboard } from "@/components/funnel/leaderboard";
import { missingValueOf, splitPatch, stageLinks } from "@/components/funnel/links";
import { LtvSection } from "@/components/funnel/ltv-section";
import { SeriesSection } from "@/components/funnel/series-section";
import { SplitSection } from "@/components/funnel/split-section";
import { RateTiles, StageTiles } from "@/components/funnel/stage-tiles";
import { PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { funnelSearch, parseFunnelParams } from "@/lib/funnel/params";
import {
  funnelScopeForTenant, getFunnelSeries, getFunnelSplit, getFunnelSummary, getLeaderboard, getLtvReport,
} from "@/lib/funnel/queries";
import { formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { type SearchParams } from "@/lib/kernel/search-params";

const LEADERBOARD_LIMIT = 50;

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function FunnelPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const { view, filter } = parseFunnelParams(await searchParams, new Date(), ctx.funnelTimeZone);
  const scope = funnelScopeForTenant(ctx);
  const [summary, series, split, comparison, leaders, ltv, options, t] = await Promise.all([
    getFunnelSummary(scope, filter),
    getFunnelSeries(scope, filter),
    getFunnelSplit(scope, filter, view.split),
    view.split === "crossMarket" ? Promise.resolve([]) : getFunnelSplit(scope, filter, "crossMarket"),
    getLeaderboard(scope, filter, { limit: LEADERBOARD_LIMIT, sort: view.sort, direction: view.dir }),
    getLtvReport(scope, filter),
    pipelineFilterOptions(ctx),
    getT(locale, ["funnel", "referrals", "common"]),
  ]);
  const base = `/${locale}/t/${ctx.slug}`;
  const path = `${base}/funnel`;
  const search = funnelSearch(view);
  const exportLink = (table: string) => <ExportLink href={`${path}/export/${table}${search}`} table={table} t={t} />;
  // Partners with clicks but no referral yet are not in the pipeline's options; the leaderboard knows them.
  const partners = new Map(options.partners.map((p) => [p.id, p]));
  for (const r of leaders) if (!partners.has(r.partnerId)) partners.set(r.partnerId, { id: r.partnerId, name: r.name });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={`${t("range", { from: formatDay(locale, view.from), to: formatDay(locale, view.to) })} · ${t(`basis.${view.basis}`)}`}
        actions={
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {can(ctx.role, "events:import") ? <Link href={`${path}/import`} className="font-medium text-indigo-700 hover:underline">{t("importRevenue")}</Link> : null}
            <Link href={`${base}/settings/fx`} className="font-medium text-indigo-700 hover:underline">{t("fxRates")}</Link>
            {exportLink("summary")}
          </div>
        }
      />
      <FunnelControls
        locale={locale}
        view={view} path={path} t={t} split
        options={{ programs: options.programs, partners: [...partners.values()].sort((a, b) => a.name.localeCompare(b.name, locale)) }}
      />
      <div className="space-y-6">
        <div>
          <StageTiles totals={summary.totals} locale={locale} t={t} links={stageLinks(base, view)} />
          <RateTiles rates={summary.rates} basis={summary.basis} locale={locale} t={t} />
        </div>
        <FunnelSteps totals={summary.totals} rates={summary.rates} basis={summary.basis} locale={locale} t={t} links={stageLinks(base, view)} />
        <SeriesSection points={series} currency={summary.totals.revenue.currency} locale={locale} t={t} action={exportLink("series")} />
        <SplitSection
          dim={view.split} rows={split} comparison={comparison} basis={summary.basis} locale={locale} t={t} action={exportLink("split")}
          cohortHref={view.basis === "period" ? `${path}${funnelSearch(view, { basis: "cohort" })}` : undefined}
          linksFor={(dim, key) => stageLinks(base, view, splitPatch(dim, key))}
          unattributedHref={(dim) => `${path}/events${funnelSearch(view, { without: missingValueOf(dim), type: undefined, page: 1 })}`}
        />
        <div id="partners">
          <Leaderboard
            rows={leaders} limit={LEADERBOARD_LIMIT} basis={summary.basis} locale={locale} t={t} action={exportLink("leaderboard")}
            sort={{ by: view.sort, dir: view.dir, href: (sort, dir) => `${path}${funnelSearch(view, { sort, dir })}#partners` }}
            partnerHref={(id) => `${base}/partners/${id}`}
            linksFor={(id) => stageLinks(base, view, { partner: id })}
          />
        </div>
        <LtvSection
          report={ltv} locale={locale} t={t} action={exportLink("ltv")}
          customersHref={(source) => `${path}/customers${funnelSearch(view, { source, page: 1 })}`}
        />
      </div>
    </>
  );
}
