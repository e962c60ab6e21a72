import { DRILL_PAGE_SIZE, DrillShell, DrillTabs } from "@/components/funnel/drill-shell";
import { CustomersTable } from "@/components/funnel/drill-tables";
import { requireTenantPage } from "@/lib/auth/guard";
import { funnelSearch, parseFunnelParams } from "@/lib/funnel/params";
import { funnelScopeForTenant, listCustomers } from "@/lib/funnel/queries";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Customers first seen in the period, referral or direct, with their lifetime value so far. */
export default async function FunnelCustomersPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const { view, filter } = parseFunnelParams(await searchParams, new Date(), ctx.funnelTimeZone);
  const [result, options, t] = await Promise.all([
    listCustomers(funnelScopeForTenant(ctx), filter, { page: view.page, pageSize: DRILL_PAGE_SIZE }, view.source),
    pipelineFilterOptions(ctx),
    getT(locale, ["funnel", "common"]),
  ]);
  const funnelPath = `/${locale}/t/${ctx.slug}/funnel`;
  const path = `${funnelPath}/customers`;
  const tab = (source: "referral" | "direct" | undefined) => ({
    key: source ?? "all", label: source ? t(`customerSource.${source}`) : t("drill.customers.all"),
    href: `${path}${funnelSearch(view, { source, page: 1 })}`, active: view.source === source,
  });
  return (
    <DrillShell
      title={t("drill.customers.title")} view={view} path={path} funnelPath={funnelPath} exportTable="customers"
      total={result.total} pageCount={Math.ceil(result.total / DRILL_PAGE_SIZE)} options={options} locale={locale} t={t}
      tabs={<DrillTabs label={t("columns.source")} items={[tab(undefined), tab("referral"), tab("direct")]} />}
    >
      <CustomersTable rows={result.rows} locale={locale} timeZone={ctx.viewerTimeZone} t={t} />
    </DrillShell>
  );
}
