import Link from "next/link";
import { notFound } from "next/navigation";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDate, formatDateTime, formatDecimal, formatMoney, formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { getPayoutDetail } from "@/lib/payouts/queries";

type Props = { params: Promise<{ locale: string; tenant: string; run: string; payout: string }> };

async function load(...args: Parameters<typeof getPayoutDetail>) {
  try {
    return await getPayoutDetail(...args);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** Staff: one payout traced to its ledger rows — every commission, its original amount and the rate used. */
export default async function PayoutDetailPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, run: runId, payout: payoutId } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const [payout, t] = await Promise.all([load(ctx, runId, payoutId), getT(locale, ["payouts", "common"])]);
  const runHref = `/${locale}/t/${ctx.slug}/payouts/${payout.run.id}`;
  const sum = payout.items.reduce((s, i) => s + i.payoutMinor, 0n);

  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-3">{payout.partner.name} <PayoutStatusBadge status={payout.status} t={t} /></span>}
        subtitle={t("detail.subtitle", { number: payout.run.number, reference: payout.reference, rail: t(`rail.${payout.rail}`) })}
        actions={<Link href={runHref} className={buttonClass("secondary")}>{t("detail.back", { number: payout.run.number })}</Link>}
      />
      <div className="space-y-6">
        <Card title={t("detail.itemsTitle", { count: payout.items.length })}>
          <p className="mb-4 text-sm text-slate-600">{t("detail.itemsText")}</p>
          <DataTable
            head={[
              { label: t("detail.commission") }, { label: t("detail.kind") }, { label: t("detail.occurred") }, { label: t("detail.original"), align: "right" },
              { label: t("detail.rate") }, { label: t("detail.payoutAmount"), align: "right" },
            ]}
          >
            {payout.items.map((i) => (
              <tr key={i.id}>
                <td className="px-4 py-2 font-mono text-xs">{i.commissionId}</td>
                <td className="px-4 py-2"><Badge tone={i.amountMinor < 0n ? "red" : "slate"}>{t(`kind.${i.commission.kind}`)}</Badge></td>
                <td className="px-4 py-2 tabular-nums">{formatDate(fmt, i.commission.occurredAt)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, i.amountMinor, i.currency)}</td>
                <td className="px-4 py-2 text-xs text-slate-600">
                  {i.fxRate ? t("detail.rateValue", { from: i.currency, to: payout.currency, rate: formatDecimal(locale, i.fxRate.toFixed()), day: i.fxRateDay ? formatDay(locale, i.fxRateDay) : "—", source: i.fxSource ?? "" }) : "—"}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, i.payoutMinor, payout.currency)}</td>
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <td className="px-4 py-2" colSpan={5}>{t("detail.total")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, sum, payout.currency)}</td>
            </tr>
          </DataTable>
        </Card>

        <Card title={t("detail.factsTitle")}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <dt className="text-slate-500">{t("detail.amount")}</dt><dd className="tabular-nums">{formatMoney(locale, payout.amountMinor, payout.currency)}</dd>
            {payout.receivedAmountMinor != null ? (<><dt className="text-slate-500">{t("detail.received")}</dt><dd className="tabular-nums">{formatMoney(locale, payout.receivedAmountMinor, payout.currency)}</dd></>) : null}
            {payout.holdReason ? (<><dt className="text-slate-500">{t("table.hold")}</dt><dd>{payout.holdReason.split(",").map((r) => t(`holdReason.${r}`)).join(", ")}</dd></>) : null}
            {payout.releaseNote ? (<><dt className="text-slate-500">{t("hold.note")}</dt><dd>{payout.releaseNote}</dd></>) : null}
            {payout.sentAt ? (<><dt className="text-slate-500">{t("detail.sentAt")}</dt><dd>{formatDateTime(fmt, payout.sentAt)}</dd></>) : null}
            {payout.paidAt ? (<><dt className="text-slate-500">{t("detail.paidAt")}</dt><dd>{formatDateTime(fmt, payout.paidAt)}</dd></>) : null}
            {payout.externalId ? (<><dt className="text-slate-500">{t("table.externalId")}</dt><dd className="font-mono">{payout.externalId}</dd></>) : null}
            {payout.receiptRef ? (<><dt className="text-slate-500">{t("table.receipt")}</dt><dd className="font-mono">{payout.receiptRef}</dd></>) : null}
            {payout.failureReason ? (<><dt className="text-slate-500">{t("detail.failure")}</dt><dd className="text-red-700">{payout.failureReason}</dd></>) : null}
          </dl>
        </Card>

        {payout.statementLines.length > 0 ? (
          <Card title={t("detail.linesTitle")}>
            <DataTable head={[{ label: t("detail.file") }, { label: t("detail.booked") }, { label: t("table.amount"), align: "right" }, { label: t("table.status") }]}>
              {payout.statementLines.map((l) => (
                <tr key={l.id}>
                  <td className="px-4 py-2">{l.statement.fileName} · {t("detail.line", { line: l.lineNo })}</td>
                  <td className="px-4 py-2 tabular-nums">{l.bookedOn ? formatDay(locale, l.bookedOn) : "—"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, l.amountMinor, l.currency)}</td>
                  <td className="px-4 py-2">{t(`lineResult.${l.result}`)}</td>
                </tr>
              ))}
            </DataTable>
          </Card>
        ) : null}
      </div>
    </>
  );
}
