import Link from "next/link";
import { EditDestinationForm } from "@/components/links/edit-destination-form";
import { LinkFilters } from "@/components/links/link-filters";
import { LinkStatusButton } from "@/components/links/link-status-button";
import { StaffLinkForm } from "@/components/links/staff-link-form";
import { CopyLink } from "@/components/ui/copy-link";
import { MarketPair } from "@/components/referrals/market-pair";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { appUrl } from "@/lib/app-url";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { trackedLinkUrl } from "@/lib/links/codes";
import { destinationHost } from "@/lib/links/destination";
import { listLinks, staffLinkOptions } from "@/lib/links/list-links";
import { linkOpportunityTitle, opportunityOptions, postedPair } from "@/lib/links/present";
import { linkListQuery, type LinkListQuery } from "@/lib/links/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

function search(query: LinkListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.partner) params.set("partner", query.partner);
  if (query.program) params.set("program", query.program);
  if (query.status !== "active") params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Staff: every partner's tracked links with their clicks of the last 30 days, and a create form. */
export default async function StaffLinksPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "funnel:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = linkListQuery.parse(flattenSearchParams(await searchParams));
  const [result, options, base, t] = await Promise.all([listLinks(ctx, query), staffLinkOptions(ctx), appUrl(), getT(locale, ["links", "referrals", "common"])]);
  const canWrite = can(ctx.role, "links:write");
  const path = `/${locale}/t/${ctx.slug}/links`;
  const filtered = !!(query.partner || query.program || query.status !== "active");

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("count", { count: result.total })} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("lead")}</p>
      <LinkFilters query={query} partners={options.partners} programs={options.programs} resetHref={path} t={t} />
      {result.items.length === 0 ? (
        <EmptyState>{t(filtered ? "emptyFiltered" : "empty")}</EmptyState>
      ) : (
        <DataTable
          dense
          head={[
            { label: t("columns.partner") }, { label: t("columns.target") }, { label: t("columns.pair") }, { label: t("columns.destination") },
            { label: t("columns.clicks"), align: "right" }, { label: t("columns.created") }, { label: t("columns.status") }, { label: t("columns.actions") },
          ]}
        >
          {result.items.map((l) => {
            const title = linkOpportunityTitle(locale, l.opportunity);
            return (
              <tr key={l.id} className="align-top hover:bg-slate-50">
                <td className="px-2 py-3">
                  <Link href={`/${locale}/t/${ctx.slug}/partners/${l.partner.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{l.partner.name}</Link>
                  {l.label ? <p className="text-xs text-slate-500">{l.label}</p> : null}
                </td>
                <td className="max-w-64 px-2 py-3">
                  <p className="text-slate-900">{l.program.name}</p>
                  <p className="text-xs text-slate-500">{title ?? t("programLink")}</p>
                </td>
                <td className="px-2 py-3">
                  <MarketPair
                    source={l.sourceMarket} target={l.targetMarket} crossLabel={t("referrals:crossMarket")}
                    title={l.opportunity ? t("opportunityPairNote", { pair: postedPair(l.opportunity, (m) => t(`common:markets.${m}`)) }) : undefined}
                  />
                </td>
                <td className="max-w-68 px-2 py-3">
                  <p className="truncate text-slate-700" title={l.destinationUrl}>{destinationHost(l.destinationUrl)}</p>
                  <div className="mt-1 w-64 max-w-full"><CopyLink url={trackedLinkUrl(base, l.code)} compact /></div>
                </td>
                <td className="whitespace-nowrap px-2 py-3 text-right tabular-nums">{formatNumber(locale, l.clicks30d)}</td>
                <td className="whitespace-nowrap px-2 py-3 tabular-nums text-slate-600">{formatDate(fmt, l.createdAt)}</td>
                <td className="px-2 py-3">
                  <Badge tone={l.disabledAt ? "slate" : "green"}>{t(l.disabledAt ? "status.disabled" : "status.active")}</Badge>
                </td>
                <td className="space-y-2 px-2 py-3">
                  {canWrite ? (
                    <>
                      <LinkStatusButton as="staff" locale={locale} tenant={ctx.slug} id={l.id} disabled={!!l.disabledAt} />
                      <EditDestinationForm locale={locale} tenant={ctx.slug} id={l.id} destinationUrl={l.destinationUrl} label={l.label} />
                    </>
                  ) : "—"}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${path}${search(query, p)}`} t={t} />
      <div className="mt-8">
        <Card title={t("form.title")}>
          {canWrite ? (
            <StaffLinkForm
              locale={locale} tenant={ctx.slug} partners={options.partners} programs={options.programs}
              opportunities={opportunityOptions(locale, options.opportunities, (m) => t(`common:markets.${m}`))} markets={options.markets}
            />
          ) : <Notice>{t("form.readOnly")}</Notice>}
        </Card>
      </div>
    </>
  );
}
