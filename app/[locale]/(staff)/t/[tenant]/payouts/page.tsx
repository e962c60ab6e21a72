import Link from "next/link";
import { CreateRunForm } from "@/components/payouts/create-run-form";
import { MinimumsForm } from "@/components/payouts/minimums-form";
import { PlanTable } from "@/components/payouts/plan-table";
import { RunStatusBadge } from "@/components/payouts/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatMoney, formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { readPayoutMinimums } from "@/lib/payouts/minimums";
import { planPayoutRun } from "@/lib/payouts/plan";
import { listPayoutRuns } from "@/lib/payouts/queries";
import { cutoffDate } from "@/lib/payouts/schemas";
import { minorToDecimal } from "@/lib/kernel/money";
import { DateInput } from "@/components/ui/date-input";
import { localDate } from "@/lib/kernel/time-zone";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Staff: payout runs, a preview of the next run for a cutoff date, and the minimum payout settings. */
export default async function PayoutsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const raw = (await searchParams).cutoff;
  const cutoffText = typeof raw === "string" ? raw : null;
  const cutoff = cutoffText ? cutoffDate.safeParse(cutoffText) : null;
  const canManage = can(ctx.role, "payouts:manage");
  const [runs, minimums, plan, t] = await Promise.all([
    listPayoutRuns(ctx),
    readPayoutMinimums(ctx.db),
    cutoff?.success ? planPayoutRun(ctx.db, { cutoffAt: cutoff.data }) : Promise.resolve(null),
    getT(locale, ["payouts", "common"]),
  ]);
  const base = `/${locale}/t/${ctx.slug}/payouts`;
  const today = localDate(new Date(), ctx.timeZone);
  const currencies = [...new Set(["USD", "RUB", ...minimums.keys()])].sort();

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <Card title={t("plan.title")}>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="payout-cutoff" className="mb-1 block text-sm font-medium text-slate-800">{t("plan.cutoff")}</label>
              <DateInput locale={locale} id="payout-cutoff" name="cutoff" required defaultValue={cutoffText ?? today} className="w-32" />
            </div>
            <button type="submit" className={buttonClass("secondary")}>{t("plan.preview")}</button>
          </form>
          <p className="mb-4 text-sm text-slate-600">{t("plan.explain")}</p>
          {cutoff && !cutoff.success ? <Notice tone="error">{t("plan.cutoffInvalid")}</Notice> : null}
          {plan ? (
            <div className="space-y-4">
              <PlanTable plan={plan} locale={locale} t={t} />
              {plan.groups.length > 0 && canManage && cutoffText ? <CreateRunForm locale={locale} tenant={ctx.slug} cutoff={cutoffText} /> : null}
            </div>
          ) : null}
        </Card>

        <Card title={t("runs.title")}>
          {runs.length === 0 ? (
            <EmptyState>{t("runs.empty")}</EmptyState>
          ) : (
            <DataTable
              head={[
                { label: t("runs.number") }, { label: t("runs.status") }, { label: t("runs.created") }, { label: t("runs.cutoff") },
                { label: t("runs.totals"), align: "right" }, { label: t("runs.payouts"), align: "right" },
              ]}
            >
              {runs.map((run) => (
                <tr key={run.id}>
                  <td className="px-4 py-2 font-medium">
                    <Link className="text-indigo-700 hover:underline" href={`${base}/${run.id}`}>{t("runs.name", { number: run.number })}</Link>
                  </td>
                  <td className="px-4 py-2"><RunStatusBadge status={run.status} t={t} /></td>
                  <td className="px-4 py-2 tabular-nums">{formatDate(fmt, run.createdAt)}</td>
                  <td className="px-4 py-2 tabular-nums">{formatDay(locale, run.cutoffAt)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {run.totals.map((x) => <div key={x.currency}>{formatMoney(locale, x.amountMinor, x.currency)}</div>)}
                  </td>
                  <td className="px-4 py-2 text-right text-slate-700">
                    <div>{t("runs.payoutCount", { count: run.payouts })}</div>
                    <div className="text-xs text-slate-500">
                      {(["held", "paid", "failed"] as const).filter((s) => run.counts[s]).map((s) => `${t(`payoutStatus.${s}`)}: ${run.counts[s]}`).join(" · ")}
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card title={t("minimums.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("minimums.text")}</p>
          {canManage ? (
            <MinimumsForm
              locale={locale}
              tenant={ctx.slug}
              minimums={currencies.map((currency) => ({ currency, value: minimums.has(currency) ? minorToDecimal(minimums.get(currency)!, currency) : "" }))}
            />
          ) : (
            <ul className="text-sm text-slate-700">
              {currencies.map((c) => <li key={c}>{c}: {minimums.has(c) ? formatMoney(locale, minimums.get(c)!, c) : "—"}</li>)}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
