import { DRILL_PAGE_SIZE, DrillShell, DrillTabs } from "@/components/funnel/drill-shell";
import { ClicksTable } from "@/components/funnel/drill-tables";
import { requireTenantPage } from "@/lib/auth/guard";
import { funnelSearch, parseFunnelParams } from "@/lib/funnel/params";
import { funnelScopeForTenant, listClickRows } from "@/lib/funnel/queries";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** The raw clicks behind the clicks tile, newest first. */
export default async function FunnelClicksPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const { view, filter } = parseFunnelParams(await searchParams, new Date(), ctx.funnelTimeZone);
  const [result, options, t] = await Promise.all([
    listClickRows(funnelScopeForTenant(ctx), filter, { page: view.page, pageSize: DRILL_PAGE_SIZE }, { includeExcluded: view.excluded }),
    pipelineFilterOptions(ctx),
    getT(locale, ["funnel", "common"]),
  ]);
  const funnelPath = `/${locale}/t/${ctx.slug}/funnel`;
  const path = `${funnelPath}/clicks`;
  const tab = (excluded: boolean) => ({
    key: String(excluded), label: t(excluded ? "drill.clicks.all" : "drill.clicks.counted"),
    href: `${path}${funnelSearch(view, { excluded, page: 1 })}`, active: view.excluded === excluded,
  });
  return (
    <DrillShell
      title={t("drill.clicks.title")} note={t("drill.clicks.note")} view={view} path={path} funnelPath={funnelPath}
      exportTable="clicks" total={result.total} pageCount={Math.ceil(result.total / DRILL_PAGE_SIZE)} options={options} locale={locale} t={t}
      tabs={<DrillTabs label={t("drill.clicks.title")} items={[tab(false), tab(true)]} />}
    >
      <ClicksTable rows={result.rows} locale={locale} timeZone={ctx.viewerTimeZone} t={t} />
    </DrillShell>
  );
}
