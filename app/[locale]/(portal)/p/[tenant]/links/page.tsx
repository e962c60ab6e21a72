import { CopyLink } from "@/components/ui/copy-link";
import { LinkStatusButton } from "@/components/links/link-status-button";
import { PartnerLinkForm } from "@/components/links/partner-link-form";
import { MarketPair } from "@/components/referrals/market-pair";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { appUrl } from "@/lib/app-url";
import { requirePartner } from "@/lib/auth/guard";
import { formatDate } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { trackedLinkUrl } from "@/lib/links/codes";
import { listOwnLinks, partnerLinkOptions } from "@/lib/links/list-links";
import { linkOpportunityTitle, opportunityOptions, postedPair } from "@/lib/links/present";
import { linkListQuery } from "@/lib/links/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";
import { listOwnPromoCodes } from "@/lib/promo-codes/list-promo-codes";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Portal (phone-first): the partner's own links to copy and share, their clicks, and a create form. */
export default async function PortalLinksPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = linkListQuery.parse({ ...flattenSearchParams(await searchParams), status: "all" });
  const [result, options, promoCodes, base, t] = await Promise.all([
    listOwnLinks(ctx, query), partnerLinkOptions(ctx), listOwnPromoCodes(ctx), appUrl(), getT(locale, ["links", "referrals", "common"]),
  ]);
  const path = `/${locale}/p/${ctx.slug}/links`;

  return (
    <>
      <PageHeader title={t("portal.title")} subtitle={t("count", { count: result.total })} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("portal.lead")}</p>
      {result.items.length === 0 ? (
        <EmptyState>{t("portal.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.items.map((l) => (
            <li key={l.id} className={`space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 ${l.disabledAt ? "opacity-70" : ""}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{linkOpportunityTitle(locale, l.opportunity) ?? l.program.name}</p>
                  <p className="text-xs text-slate-500">{l.opportunity ? l.program.name : t("programLink")}{l.label ? ` · ${l.label}` : ""}</p>
                </div>
                <MarketPair
                  source={l.sourceMarket} target={l.targetMarket} crossLabel={t("referrals:crossMarket")}
                  title={l.opportunity ? t("opportunityPairNote", { pair: postedPair(l.opportunity, (m) => t(`common:markets.${m}`)) }) : undefined}
                />
              </div>
              {l.disabledAt ? (
                <p className="text-sm text-slate-600"><Badge>{t("status.disabled")}</Badge> {t("portal.disabledNote")}</p>
              ) : (
                <CopyLink url={trackedLinkUrl(base, l.code)} />
              )}
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
                <span className="tabular-nums">{t("clicks", { count: l.clicks30d })}</span>
                <span className="tabular-nums">{formatDate(fmt, l.createdAt)}</span>
              </div>
              {l.disabledAt ? null : <LinkStatusButton as="partner" locale={locale} tenant={ctx.slug} id={l.id} disabled={false} />}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${path}${p > 1 ? `?page=${p}` : ""}`} t={t} />
      {promoCodes.length > 0 ? (
        <section aria-labelledby="promo-codes-title" className="mt-8 space-y-3">
          <h2 id="promo-codes-title" className="text-lg font-semibold text-slate-900">{t("promo.title")}</h2>
          <p className="text-sm text-slate-600">{t("promo.lead")}</p>
          <ul className="space-y-3" data-testid="portal-promo-codes">
            {promoCodes.map((c) => (
              <li key={c.id} className={`flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-4 ring-1 ring-slate-200 ${c.active ? "" : "opacity-70"}`}>
                <div className="min-w-0">
                  <p className="break-all font-mono text-lg font-semibold tracking-wide text-slate-900">{c.code}</p>
                  <p className="text-xs text-slate-500">{c.programName} · {t("promo.uses", { count: c.uses })}</p>
                </div>
                {c.active ? <Badge tone="green">{t("promo.active")}</Badge> : <Badge>{t("promo.inactive", { date: formatDate(fmt, c.deactivatedAt ?? c.createdAt) })}</Badge>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="mt-8">
        <Card title={t("portal.createTitle")}>
          {options.programs.length === 0 ? (
            <p className="text-sm text-slate-600">{t("portal.noPrograms")}</p>
          ) : (
            <PartnerLinkForm locale={locale} tenant={ctx.slug} programs={options.programs} opportunities={opportunityOptions(locale, options.opportunities, (m) => t(`common:markets.${m}`))} markets={options.markets} />
          )}
        </Card>
      </div>
    </>
  );
}
