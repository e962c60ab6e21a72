import { RiskCaseCard } from "@/components/risk/case-card";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";
import { listRiskCases, riskCaseStatuses } from "@/lib/risk/queue";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function RiskQueuePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const raw = (await searchParams).status;
  const status = riskCaseStatuses.find((s) => s === raw) ?? "open";
  const [queue, t] = await Promise.all([listRiskCases(ctx, status), getT(locale, ["risk", "commissions", "partners", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/risk`;
  return (
    <>
      <PageHeader
        title={t("risk:title")}
        subtitle={t("risk:subtitle")}
        actions={<ButtonLink href={`${base}/rules`} variant="secondary">{t("risk:rulesLink")}</ButtonLink>}
      />
      <nav aria-label={t("risk:tabs.label")} className="mb-4 flex flex-wrap gap-2">
        {riskCaseStatuses.map((s) => (
          <a
            key={s}
            href={s === "open" ? base : `${base}?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${s === status ? "bg-indigo-600 text-white" : "bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}
          >
            {t(`risk:tabs.${s}`)}
          </a>
        ))}
      </nav>
      <p className="mb-4 text-sm text-slate-600">{t("risk:caseCount", { count: queue.cases.length, formatted: formatNumber(locale, queue.cases.length) })}</p>
      {queue.cases.length === 0 ? (
        <EmptyState>{t(`risk:empty.${status}`)}</EmptyState>
      ) : (
        <div className="space-y-4">
          {queue.cases.map((item) => (
            <RiskCaseCard key={item.id} item={item} refs={queue} locale={locale} timeZone={ctx.viewerTimeZone} tenant={ctx.slug} t={t} canResolve={can(ctx.role, "payouts:manage")} />
          ))}
        </div>
      )}
    </>
  );
}
