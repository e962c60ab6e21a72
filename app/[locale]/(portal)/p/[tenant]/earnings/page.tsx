import { BalanceCards } from "@/components/earnings/balance-cards";
import { CommissionList } from "@/components/earnings/commission-list";
import { PayoutList } from "@/components/earnings/payout-list";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requirePartner } from "@/lib/auth/guard";
import { partnerEarnings } from "@/lib/earnings/partner-earnings";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { pageParam } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** Portal: balances per currency, the commissions they add up from, and the partner's payouts. */
export default async function PortalEarningsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const { page } = await searchParams;
  const [data, t] = await Promise.all([partnerEarnings(ctx, { page: pageParam(page) }), getT(locale, ["earnings", "common"])]);
  const base = `/${locale}/p/${ctx.slug}/earnings`;
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("lead")}</p>
      <BalanceCards locale={locale} balances={data.balances} t={t} />

      <section className="mt-8" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading" className="mb-3 text-lg font-semibold text-slate-900">{t("payouts.title")}</h2>
        {data.payouts.length === 0 ? <EmptyState>{t("payouts.empty")}</EmptyState> : <PayoutList locale={locale} timeZone={ctx.viewerTimeZone} base={base} items={data.payouts} receiptsExpected={data.selfEmployed} t={t} />}
        {data.payouts.length >= 100 ? <p className="mt-2 text-xs text-slate-500">{t("payouts.shown", { count: data.payouts.length })}</p> : null}
      </section>

      <section className="mt-8" aria-labelledby="commissions-heading">
        <div className="mb-3 flex items-baseline justify-between gap-2">
          <h2 id="commissions-heading" className="text-lg font-semibold text-slate-900">{t("commissions.title")}</h2>
          <span className="text-sm text-slate-600">{t("commissions.count", { count: data.commissionTotal })}</span>
        </div>
        {data.commissions.length === 0 ? <EmptyState>{t("commissions.empty")}</EmptyState> : <CommissionList locale={locale} timeZone={ctx.viewerTimeZone} items={data.commissions} t={t} />}
        <Pagination page={data.page} pageCount={data.pageCount} href={(p) => `${base}${p > 1 ? `?page=${p}` : ""}`} t={t} />
      </section>
    </>
  );
}
