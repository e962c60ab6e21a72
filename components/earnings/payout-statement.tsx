import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/card";
import { formatDate, formatDateTime, formatMoney, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { PartnerPayoutDocument } from "@/lib/earnings/payout-document";
import { PayoutStatusBadge } from "./status-badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-all text-slate-900">{children}</dd>
    </div>
  );
}

/** The payout's facts, then every commission it carried: original amount, rate and day, amount paid. */
export function PayoutStatement({ locale, timeZone, doc, t }: { locale: Locale; timeZone: string; doc: PartnerPayoutDocument; t: TFunction }) {
  const fmt = { locale, timeZone };
  const money = (minor: bigint, currency: string) => formatMoney(locale, minor, currency);
  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
        <dl className="divide-y divide-slate-100">
          <Row label={t("document.payer")}>{doc.tenantName}</Row>
          <Row label={t("document.payee")}>{doc.partner.name}{doc.partner.email ? ` · ${doc.partner.email}` : ""}</Row>
          <Row label={t("document.amount")}><span className="font-semibold tabular-nums">{money(doc.amountMinor, doc.currency)}</span></Row>
          <Row label={t("document.status")}><PayoutStatusBadge status={doc.status} label={t(`payoutStatus.${doc.status}`)} /></Row>
          <Row label={t("document.rail")}>{t(`rail.${doc.rail}`)}</Row>
          <Row label={t("document.reference")}><span className="font-mono">{doc.reference}</span></Row>
          <Row label={t("document.run")}>{t("document.runNumber", { number: doc.run.number })}</Row>
          <Row label={t("document.created")}>{formatDateTime(fmt, doc.createdAt)}</Row>
          {doc.sentAt ? <Row label={t("document.sent")}>{formatDateTime(fmt, doc.sentAt)}</Row> : null}
          {doc.paidAt ? <Row label={t("document.paid")}>{formatDateTime(fmt, doc.paidAt)}</Row> : null}
          {doc.receivedAmountMinor != null ? <Row label={t("document.received")}>{money(doc.receivedAmountMinor, doc.currency)}</Row> : null}
          {doc.externalId ? <Row label={t("document.externalId")}><span className="font-mono">{doc.externalId}</span></Row> : null}
          {doc.status === "failed" ? (
            <Row label={t("document.failure")}>{t(doc.failureReason === "transfer_reversed" ? "document.failedReversed" : "document.failedOther")}</Row>
          ) : null}
          {doc.receiptRef ? <Row label={t("document.receipt")}>{doc.receiptRef}</Row> : null}
        </dl>
      </section>

      <section>
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("document.items")}</h2>
        {doc.items.length === 0 ? <p className="text-sm text-slate-600">{t("document.noItems")}</p> : (
          <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("document.commission")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("document.original")}</th>
                  <th scope="col" className="px-3 py-2">{t("document.rate")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("document.converted")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {doc.items.map((item) => (
                  <tr key={item.id} data-item={item.commissionId}>
                    <td className="px-3 py-2">
                      <p className="font-medium text-slate-900">{item.ruleName ?? t(`kind.${item.commission.kind}`)}</p>
                      <p className="text-xs text-slate-500">{formatDate(fmt, item.commission.occurredAt)} · <span className="font-mono">{item.commissionId.slice(-8)}</span></p>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{money(item.amountMinor, item.currency)}</td>
                    <td className="px-3 py-2 text-xs text-slate-600">
                      {item.fxRate && item.fxRateDay ? `${t("document.rateValue", { rate: item.fxRate, day: formatDay(locale, item.fxRateDay) })}${item.fxSource ? ` · ${item.fxSource}` : ""}` : t("document.sameCurrency")}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{money(item.payoutMinor, doc.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td className="px-3 py-2" colSpan={3}>{t("document.total")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(doc.itemsTotalMinor, doc.currency)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {doc.items.length > 0 && doc.itemsTotalMinor !== doc.amountMinor ? (
          <div className="mt-3"><Notice tone="error">{t("document.mismatch", { items: money(doc.itemsTotalMinor, doc.currency) })}</Notice></div>
        ) : null}
      </section>
    </div>
  );
}
