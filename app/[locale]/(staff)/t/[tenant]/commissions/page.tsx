import Link from "next/link";
import { AdjustmentForm } from "@/components/commissions/adjustment-form";
import { BalancesTable } from "@/components/commissions/balances-table";
import { ExplanationList } from "@/components/commissions/explanation";
import { JobButtons } from "@/components/commissions/job-buttons";
import { LedgerFilters } from "@/components/commissions/ledger-filters";
import { SelectionForm } from "@/components/commissions/selection-form";
import { StatusBadge } from "@/components/commissions/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listCommissions, staffBalances } from "@/lib/commissions/list-commissions";
import { commissionFormOptions } from "@/lib/commissions/rules";
import { ledgerQuery, type LedgerQuery } from "@/lib/commissions/schemas";
import { formatDate, formatDecimal, formatMoney, formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

function search(query: Partial<LedgerQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ["status", "kind", "partner", "currency"] as const) if (query[key]) params.set(key, query[key]!);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Staff: balances per partner and currency (sums of the ledger), the ledger itself, and its actions. */
export default async function CommissionsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = ledgerQuery.parse(flattenSearchParams(await searchParams));
  const [result, balances, options, t] = await Promise.all([
    listCommissions(ctx, query), staffBalances(ctx), commissionFormOptions(ctx), getT(locale, ["commissions", "risk", "common"]),
  ]);
  const manage = can(ctx.role, "payouts:manage");
  const path = `/${locale}/t/${ctx.slug}/commissions`;
  const filtered = !!(query.status || query.kind || query.partner || query.currency);

  const table = (
    <DataTable
      head={[
        ...(manage ? [{ label: <span className="sr-only">{t("ledger.select")}</span> }] : []),
        { label: t("ledger.partner") }, { label: t("ledger.what") }, { label: t("ledger.amount"), align: "right" as const },
        { label: t("ledger.base"), align: "right" as const }, { label: t("ledger.occurred") }, { label: t("ledger.due") }, { label: t("ledger.status") },
      ]}
    >
      {result.items.map((c) => (
        <tr key={c.id} className="align-top hover:bg-slate-50">
          {manage ? (
            <td className="px-4 py-3">
              <input type="checkbox" name="ids[]" value={c.id} aria-label={t("ledger.selectRow")} disabled={c.status === "paid" || c.status === "void"} className="size-4 rounded border-slate-300" />
            </td>
          ) : null}
          <td className="px-4 py-3 font-medium text-slate-900">{c.partner.name}</td>
          <td className="max-w-md px-4 py-3">
            <Link href={`${path}/${c.id}`} className="font-medium text-indigo-700 hover:underline">
              {t(`kind.${c.kind}`)}{c.rule ? ` · ${c.rule.name}` : ""}
            </Link>
            <ExplanationList explanation={c.explanation} locale={locale} t={t} compact />
          </td>
          <td className={`whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums ${c.amountMinor < 0n ? "text-red-700" : "text-slate-900"}`}>{formatMoney(locale, c.amountMinor, c.currency)}</td>
          <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-600">
            {c.baseAmountMinor !== null && c.baseCurrency ? formatMoney(locale, c.baseAmountMinor, c.baseCurrency) : "—"}
            {c.fxRate ? <p className="text-xs text-slate-500">{t("ledger.fx", { rate: formatDecimal(locale, c.fxRate.toFixed()), day: c.fxRateDay ? formatDay(locale, c.fxRateDay) : "—" })}</p> : null}
          </td>
          <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-600">{formatDate(fmt, c.occurredAt)}</td>
          <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-600">{formatDate(fmt, c.dueAt)}</td>
          <td className="px-4 py-3">
            <StatusBadge status={c.status} t={t} />
            {c.payoutId ? <p className="mt-1 text-xs text-slate-500">{t("ledger.inPayout")}</p> : null}
            {c.riskCaseId && (c.status === "pending" || c.status === "approved") ? <p className="mt-1 text-xs text-amber-800">{t("risk:underReview")}</p> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("count", { count: result.total })}
        actions={<ButtonLink href={`${path}/rules`} variant="secondary">{t("rules.link")}</ButtonLink>}
      />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("lead")}</p>
      <div className="space-y-8">
        {manage ? <Card title={t("job.title")}><p className="mb-3 text-sm text-slate-600">{t("job.text")}</p><JobButtons locale={locale} tenant={ctx.slug} /></Card> : null}
        <section>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("balances.title")}</h2>
          <p className="mb-3 text-sm text-slate-600">{t("balances.text")}</p>
          <BalancesTable items={balances} locale={locale} t={t} href={(partner, currency, status) => `${path}${search({ partner, currency, status: status as LedgerQuery["status"] })}`} />
        </section>
        <section>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("ledger.title")}</h2>
          <LedgerFilters query={query} partners={options.partners} resetHref={path} t={t} />
          {result.items.length === 0 ? (
            <EmptyState>{t(filtered ? "ledger.emptyFiltered" : "ledger.empty")}</EmptyState>
          ) : manage ? (
            <SelectionForm locale={locale} tenant={ctx.slug}>{table}</SelectionForm>
          ) : table}
          <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${path}${search(query, p)}`} t={t} />
        </section>
        {manage ? (
          <Card title={t("adjustment.title")}>
            <p className="mb-4 text-sm text-slate-600">{t("adjustment.text")}</p>
            <AdjustmentForm locale={locale} tenant={ctx.slug} partners={options.partners} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
