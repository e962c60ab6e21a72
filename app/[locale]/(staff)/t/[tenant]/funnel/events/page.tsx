import { DRILL_PAGE_SIZE, DrillShell, DrillTabs } from "@/components/funnel/drill-shell";
import { EventsTable } from "@/components/funnel/drill-tables";
import { requireTenantPage } from "@/lib/auth/guard";
import { eventTypes, funnelSearch, parseFunnelParams } from "@/lib/funnel/params";
import { funnelScopeForTenant, listEvents } from "@/lib/funnel/queries";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Conversion events (lead, close, revenue, refund) in the period; a missing FX rate is shown as missing. */
export default async function FunnelEventsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const { view, filter } = parseFunnelParams(await searchParams, new Date(), ctx.funnelTimeZone);
  const [result, options, t] = await Promise.all([
    listEvents(funnelScopeForTenant(ctx), filter, { page: view.page, pageSize: DRILL_PAGE_SIZE }, view.type),
    pipelineFilterOptions(ctx),
    getT(locale, ["funnel", "common"]),
  ]);
  const funnelPath = `/${locale}/t/${ctx.slug}/funnel`;
  const path = `${funnelPath}/events`;
  const tabs = [undefined, ...eventTypes].map((type) => ({
    key: type ?? "all", label: type ? t(`eventType.${type}`) : t("drill.events.all"),
    href: `${path}${funnelSearch(view, { type, page: 1 })}`, active: view.type === type,
  }));
  return (
    <DrillShell
      title={t("drill.events.title")} view={view} path={path} funnelPath={funnelPath} exportTable="events"
      total={result.total} pageCount={Math.ceil(result.total / DRILL_PAGE_SIZE)} options={options} locale={locale} t={t}
      tabs={<DrillTabs label={t("columns.type")} items={tabs} />}
    >
      <EventsTable rows={result.rows} locale={locale} timeZone={ctx.viewerTimeZone} t={t} reportingCurrency={ctx.reportingCurrency} />
    </DrillShell>
  );
}
