import Link from "next/link";
import { notFound } from "next/navigation";
import { ExplanationList } from "@/components/commissions/explanation";
import { SelectionForm } from "@/components/commissions/selection-form";
import { StatusBadge } from "@/components/commissions/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getCommission } from "@/lib/commissions/list-commissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDateTime, formatDecimal, formatMoney, formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

async function load(ctx: Parameters<typeof getCommission>[0], id: string) {
  try {
    return await getCommission(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** One ledger row: every figure explained, its event, and its full transition history. */
export default async function CommissionPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const [{ commission: c, event, program, transitions }, t] = await Promise.all([load(ctx, id), getT(locale, ["commissions", "risk", "common"])]);
  const path = `/${locale}/t/${ctx.slug}/commissions`;
  const actionable = can(ctx.role, "payouts:manage") && (c.status === "pending" || (c.status === "approved" && !c.payoutId));
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-3 py-2 text-sm"><dt className="text-slate-500">{label}</dt><dd className="col-span-2 text-slate-900">{value}</dd></div>
  );
  return (
    <>
      <PageHeader
        title={`${t(`kind.${c.kind}`)} · ${formatMoney(locale, c.amountMinor, c.currency)}`}
        subtitle={<Link href={path} className="text-indigo-700 hover:underline">{t("detail.back")}</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("detail.summary")}>
          <dl className="divide-y divide-slate-100">
            {row(t("ledger.partner"), c.partner.name)}
            {row(t("ledger.status"), <>
              <StatusBadge status={c.status} t={t} />
              {c.riskCaseId && (c.status === "pending" || c.status === "approved") ? <a href={`/${locale}/t/${ctx.slug}/risk`} className="ml-2 text-xs text-amber-800 underline">{t("risk:underReview")}</a> : null}
            </>)}
            {row(t("detail.rule"), c.rule ? `${c.rule.name} (${t(`basis.${c.rule.basis}`)})` : "—")}
            {row(t("detail.program"), program?.name ?? "—")}
            {row(t("ledger.base"), c.baseAmountMinor !== null && c.baseCurrency ? formatMoney(locale, c.baseAmountMinor, c.baseCurrency) : "—")}
            {row(t("detail.fx"), c.fxRate ? t("detail.fxValue", { rate: formatDecimal(locale, c.fxRate.toFixed()), day: c.fxRateDay ? formatDay(locale, c.fxRateDay) : "—", source: c.fxSource ?? "—" }) : t("detail.noFx"))}
            {row(t("ledger.occurred"), formatDateTime(fmt, c.occurredAt))}
            {row(t("detail.holdUntil"), formatDateTime(fmt, c.dueAt))}
            {row(t("detail.payout"), c.payoutId ?? "—")}
            {c.reversesId ? row(t("detail.reverses"), <Link href={`${path}/${c.reversesId}`} className="text-indigo-700 hover:underline">{c.reversesId}</Link>) : null}
            {c.reason ? row(t("detail.reason"), c.reason) : null}
          </dl>
        </Card>
        <Card title={t("detail.why")}>
          <ExplanationList explanation={c.explanation} locale={locale} t={t} />
          {event ? (
            <div className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-700">
              <h3 className="mb-1 font-medium text-slate-900">{t("detail.event")}</h3>
              <p>{t(`eventType.${event.type}`)} · {formatDateTime(fmt, event.occurredAt)}{event.amountMinor !== null && event.currency ? ` · ${formatMoney(locale, event.amountMinor, event.currency)}` : ""}</p>
              <p className="text-xs text-slate-500">{t("detail.eventKey", { key: event.idempotencyKey, source: event.source })}</p>
              {event.customer ? <p className="text-xs text-slate-500">{t("detail.customer", { name: event.customer.name ?? event.customer.externalId ?? event.customer.id })}</p> : null}
            </div>
          ) : null}
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-900">{t("detail.history")}</h2>
      <DataTable head={[{ label: t("detail.when") }, { label: t("detail.action") }, { label: t("detail.change") }, { label: t("detail.actor") }, { label: t("detail.reason") }]}>
        {transitions.map((tr) => (
          <tr key={tr.id}>
            <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-600">{formatDateTime(fmt, tr.createdAt)}</td>
            <td className="px-4 py-3">{t(`action.${tr.action}`, { defaultValue: tr.action })}</td>
            <td className="px-4 py-3 text-slate-600">{tr.fromStatus ? t(`status.${tr.fromStatus}`) : "—"} → {t(`status.${tr.toStatus}`)}</td>
            <td className="px-4 py-3 text-slate-600">{tr.actor.kind === "staff" || tr.actor.kind === "partner" ? tr.actor.email : t(`actor.${tr.actor.kind}`)}</td>
            <td className="px-4 py-3 text-slate-600">{tr.reason ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      {actionable ? (
        <div className="mt-8">
          <SelectionForm locale={locale} tenant={ctx.slug} single>
            <input type="hidden" name="ids[]" value={c.id} />
          </SelectionForm>
        </div>
      ) : null}
    </>
  );
}
