import Link from "next/link";
import { DRILL_PAGE_SIZE, DrillShell, DrillTabs } from "@/components/funnel/drill-shell";
import { StageTable } from "@/components/funnel/drill-tables";
import { buttonClass } from "@/components/ui/button";
import { requireTenantPage } from "@/lib/auth/guard";
import { funnelSearch, funnelStages, parseFunnelParams, pipelineSearchFor } from "@/lib/funnel/params";
import { funnelScopeForTenant, listStageReferrals } from "@/lib/funnel/queries";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** The referrals (and API lead/close events) behind the referrals, qualified and closes tiles. */
export default async function FunnelStagePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const { view, filter } = parseFunnelParams(await searchParams, new Date(), ctx.funnelTimeZone);
  const [result, options, t] = await Promise.all([
    listStageReferrals(funnelScopeForTenant(ctx), filter, view.stage, { page: view.page, pageSize: DRILL_PAGE_SIZE }),
    pipelineFilterOptions(ctx),
    getT(locale, ["funnel", "referrals", "common"]),
  ]);
  const base = `/${locale}/t/${ctx.slug}`;
  const path = `${base}/funnel/referrals`;
  const pipeline = view.stage === "referrals" ? pipelineSearchFor(view) : null;
  return (
    <DrillShell
      title={t(`drill.stage.${view.stage}`)} view={view} path={path} funnelPath={`${base}/funnel`} exportTable="referrals"
      total={result.total} pageCount={Math.ceil(result.total / DRILL_PAGE_SIZE)} options={options} locale={locale} t={t}
      extraActions={pipeline ? <Link href={`${base}/referrals${pipeline}`} className={buttonClass("secondary")}>{t("drill.openPipeline")}</Link> : null}
      tabs={<DrillTabs label={t("title")} items={funnelStages.map((s) => ({ key: s, label: t(`stages.${s}`), href: `${path}${funnelSearch(view, { stage: s, page: 1 })}`, active: view.stage === s }))} />}
    >
      <StageTable rows={result.rows} locale={locale} timeZone={ctx.viewerTimeZone} t={t} referralHref={(id) => `${base}/referrals/${id}`} />
    </DrillShell>
  );
}
