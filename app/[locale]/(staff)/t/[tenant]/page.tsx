import Link from "next/link";
import { rateTexts } from "@/components/funnel/format";
import { OnboardingChecklistCard } from "@/components/onboarding/checklist-card";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { funnelSnapshot, workspaceOverview } from "@/lib/dashboard/overview";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/i18n/settings";
import { onboardingChecklist } from "@/lib/onboarding/checklist";

const statuses = ["submitted", "in_review", "qualified", "in_negotiation", "won", "lost", "rejected"] as const;

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ welcome?: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const { welcome } = await searchParams;
  const ctx = await requireTenantPage(locale, tenant, "dashboard:read");
  const [overview, funnel, checklist, t] = await Promise.all([workspaceOverview(ctx), funnelSnapshot(ctx), onboardingChecklist(ctx), getT(locale, ["dashboard", "directory", "funnel", "common"])]);
  const base = `/${locale}/t/${ctx.slug}`;
  const tiles = [
    { label: t("dashboard:tiles.brands"), value: overview.brands.total, detail: t("directory:brandCount", { count: overview.brands.total }), href: `${base}/brands` },
    { label: t("dashboard:tiles.creators"), value: overview.creators.total, detail: t("directory:creatorCount", { count: overview.creators.total }), href: `${base}/creators` },
    { label: t("dashboard:tiles.partners"), value: overview.activePartners, detail: t("dashboard:partnerCount", { count: overview.activePartners }) },
    { label: t("dashboard:tiles.programs"), value: overview.programs, detail: t("dashboard:programCount", { count: overview.programs }) },
  ];
  return (
    <>
      <PageHeader title={t("dashboard:title")} subtitle={ctx.name} />
      {welcome ? <div className="mb-6"><Notice tone="success">{t("dashboard:welcome")}</Notice></div> : null}
      {checklist ? (
        <OnboardingChecklistCard
          checklist={checklist} locale={locale} tenant={ctx.slug} canManage={can(ctx.role, "settings:manage")} t={t}
          currency={new Intl.DisplayNames(intlLocale(locale), { type: "currency" }).of(ctx.reportingCurrency) ?? ctx.reportingCurrency}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => {
          const body = (
            <>
              <p className="text-sm font-medium text-slate-600">{tile.label}</p>
              <p className="mt-2 text-3xl font-semibold tabular-nums">{formatNumber(locale, tile.value)}</p>
              <p className="mt-1 text-xs text-slate-500">{tile.detail}</p>
            </>
          );
          return tile.href ? (
            <Link key={tile.label} href={tile.href} className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200 hover:ring-indigo-300">{body}</Link>
          ) : (
            <div key={tile.label} className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200">{body}</div>
          );
        })}
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={t("dashboard:referrals.title")}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {statuses.map((s) => (
              <div key={s} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <dt className="min-w-0 break-words text-slate-600">{t(`dashboard:status.${s}`)}</dt>
                <dd className="font-medium tabular-nums">{formatNumber(locale, overview.referralsByStatus[s] ?? 0)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-xs text-slate-500">{t("dashboard:referrals.note")}</p>
        </Card>
        {funnel ? (
          <Card title={t("funnel:home.title")} action={<Link href={`${base}/funnel`} className="text-sm font-medium text-indigo-700 hover:underline">{t("funnel:home.open")}</Link>}>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {(["clicks", "referrals", "qualified", "closes"] as const).map((k) => (
                <div key={k} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                  <dt className="min-w-0 break-words text-slate-600">{t(`funnel:stages.${k}`)}</dt>
                  <dd className="font-medium tabular-nums">{formatNumber(locale, funnel.totals[k])}</dd>
                </div>
              ))}
              <div className="flex justify-between border-b border-slate-100 py-1 sm:col-span-2">
                <dt className="min-w-0 break-words text-slate-600">{t("funnel:stages.revenue")}</dt>
                <dd className="font-medium tabular-nums">
                  {formatMoney(locale, funnel.totals.revenue.minor, funnel.totals.revenue.currency)}
                  {funnel.totals.missingFxEvents > 0 ? <span className="ml-2 text-xs font-normal text-amber-800">{t("funnel:missingFx", { count: funnel.totals.missingFxEvents })}</span> : null}
                </dd>
              </div>
            </dl>
            <ul className="mt-3 space-y-1 text-xs text-slate-600">
              {(["clickToReferral", "referralToQualified", "qualifiedToClose"] as const).map((k) => {
                // The snapshot counts each stage on its own date (period basis): two counts, not a rate.
                const r = rateTexts(locale, k, funnel.rates[k], "period", t);
                return (
                  <li key={k} className="flex justify-between gap-3" title={r.reason}>
                    <span>{t(`funnel:rates.${k}`)}</span>
                    <span className="text-right tabular-nums">{r.value === t("funnel:rates.none") ? r.counts : <><span className="font-semibold text-slate-900">{r.value}</span> · {r.counts}</>}</span>
                  </li>
                );
              })}
            </ul>
            <p className="mt-3 text-xs text-slate-500">{t("funnel:home.note")}</p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
