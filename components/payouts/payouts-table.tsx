import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { PayoutRunStatus } from "@/lib/kernel/enums";
import { formatDateTime, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { approveReleaseAction, markFailedAction, markPaidAction, requestReleaseAction, retryPayoutAction, saveReceiptAction } from "@/lib/payouts/actions";
import type { RunPayoutRow } from "@/lib/payouts/queries";
import { ActionButton } from "./action-button";
import { PayoutStatusBadge } from "./status-badge";
import { TextActionForm } from "./text-action-form";

type Props = {
  rows: RunPayoutRow[];
  locale: Locale;
  timeZone: string;
  tenant: string;
  runId: string;
  runStatus: PayoutRunStatus;
  canManage: boolean;
  userId: string;
  stripeConfigured: boolean;
  t: TFunction;
  /** Render time, for how long a payout has been processing. */
  now: number;
};

function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="min-w-36 rounded-md ring-1 ring-slate-200">
      <summary className="cursor-pointer px-2 py-1 text-xs font-medium text-indigo-700">{label}</summary>
      <div className="p-2 break-words">{children}</div>
    </details>
  );
}

/** The payouts of a run with their state, notes and the staff actions each one allows. */
export function PayoutsTable({ rows, locale, timeZone, tenant, runId, runStatus, canManage, userId, stripeConfigured, t, now }: Props) {
  const fmt = { locale, timeZone };
  const base = `/${locale}/t/${tenant}/payouts/${runId}`;
  const live = runStatus === "executing" || runStatus === "completed";
  return (
    // Dense (px-2 cells): the room saved lets an action's form (a label and a one-word Russian button
    // such as «Запросить», «Отметить непрошедшей») open inside its 9 rem disclosure at 390 and 1280 px.
    <DataTable
      dense
      head={[
        { label: t("table.partner") }, { label: t("table.rail") }, { label: t("table.amount"), align: "right" }, { label: t("table.status") },
        { label: t("table.reference") }, { label: t("table.receipt") }, { label: t("table.notes") }, ...(canManage ? [{ label: t("table.actions"), className: "w-64" }] : []),
      ]}
    >
      {rows.map((p) => {
        const target = { locale, tenant, runId, payoutId: p.id };
        const blocked = p.holdReasons.includes("sanctions_blocked");
        const open = ["ready", "processing", "sent", "partial"].includes(p.status);
        const processingMinutes = p.rail === "stripe" && p.status === "processing" ? Math.floor((now - p.updatedAt.getTime()) / 60_000) : null;
        return (
          <tr key={p.id} className="align-top">
            <td className="px-2 py-2 font-medium">{p.partnerName}</td>
            <td className="px-2 py-2">{t(`rail.${p.rail}`)}</td>
            <td className="px-2 py-2 text-right tabular-nums">
              <Link className="font-medium text-indigo-700 hover:underline" href={`${base}/${p.id}`} title={t("table.traceHint")}>
                {formatMoney(locale, p.amountMinor, p.currency)}
              </Link>
              <div className="text-xs text-slate-500">{t("plan.commissionCount", { count: p.items })}</div>
              {p.receivedAmountMinor != null && p.receivedAmountMinor !== p.amountMinor ? (
                <div className="text-xs text-amber-700">{t("table.received", { amount: formatMoney(locale, p.receivedAmountMinor, p.currency) })}</div>
              ) : null}
            </td>
            <td className="px-2 py-2"><PayoutStatusBadge status={p.status} t={t} /></td>
            <td className="px-2 py-2 font-mono text-xs">{p.reference}</td>
            <td className="px-2 py-2 text-xs">
              {/* Only self-employed Russian payees owe a receipt («чек» from «Мой налог») per paid payout. */}
              {p.selfEmployed ? (
                p.receiptRef ? <span className="font-mono">{p.receiptRef}</span>
                  : p.status === "paid" ? <span className="text-amber-700">{t("notes.receiptMissing")}</span> : <span className="text-slate-400">—</span>
              ) : null}
            </td>
            <td className="space-y-1 px-2 py-2 text-xs text-slate-700">
              {p.holdReasons.length > 0 ? (
                <div className="flex flex-wrap gap-1">{p.holdReasons.map((r) => <Badge key={r} tone={r === "sanctions_blocked" ? "red" : "amber"}>{t(`holdReason.${r}`)}</Badge>)}</div>
              ) : null}
              {p.releaseRequestedAt && p.status === "held" ? (
                <div>{t("hold.requested", { when: formatDateTime(fmt, p.releaseRequestedAt), note: p.releaseNote ?? "" })}</div>
              ) : null}
              {p.releasedAt ? <div>{t("hold.released", { when: formatDateTime(fmt, p.releasedAt) })}</div> : null}
              {p.rail === "stripe" && p.status === "ready" && !stripeConfigured ? <div className="text-amber-700">{t("notes.stripeNotConfigured")}</div> : null}
              {p.rail === "stripe" && p.status === "ready" && stripeConfigured && !p.hasStripeAccount ? <div className="text-amber-700">{t("notes.noStripeAccount")}</div> : null}
              {p.rail === "registry" && p.status === "ready" && live ? <div>{t("notes.registryWaiting")}</div> : null}
              {processingMinutes !== null && processingMinutes >= 1 ? <div className="text-amber-700">{t("retry.processingFor", { count: processingMinutes })}</div> : null}
              {p.externalId ? <div>{t("table.externalId")}: <span className="font-mono">{p.externalId}</span></div> : null}
              {p.failureReason && (p.status === "failed" || p.status === "processing") ? <div className="text-red-700">{p.failureReason}</div> : null}
            </td>
            {canManage ? (
              <td className="space-y-2 px-2 py-2">
                {p.status === "held" && !blocked && runStatus !== "cancelled" ? (
                  !p.releaseRequestedById ? (
                    <Disclosure label={t("hold.request")}>
                      <TextActionForm action={requestReleaseAction.bind(null, target)} name="note" idPrefix={p.id} label={t("hold.note")} submitLabel={t("hold.requestSubmit")} maxLength={1000} />
                    </Disclosure>
                  ) : p.releaseRequestedById === userId ? (
                    <p className="text-xs text-slate-600">{t("hold.waitingSecond")}</p>
                  ) : (
                    <ActionButton action={approveReleaseAction.bind(null, target)} label={t("hold.approve")} variant="secondary" confirm={t("hold.approveConfirm")} />
                  )
                ) : null}
                {p.status === "held" && blocked ? <p className="text-xs text-red-700">{t("hold.blocked")}</p> : null}
                {live && processingMinutes !== null ? (
                  <ActionButton action={retryPayoutAction.bind(null, target)} label={t("retry.button")} variant="secondary" confirm={t("retry.confirm")} />
                ) : null}
                {live && open && p.rail === "manual" ? (
                  <Disclosure label={t("manual.markPaid")}>
                    <TextActionForm action={markPaidAction.bind(null, target)} name="externalId" idPrefix={p.id} label={t("manual.externalId")} submitLabel={t("manual.markPaidSubmit")} variant="primary" />
                  </Disclosure>
                ) : null}
                {live && open && p.rail !== "stripe" ? (
                  <Disclosure label={t("manual.markFailed")}>
                    <TextActionForm action={markFailedAction.bind(null, target)} name="reason" idPrefix={p.id} label={t("manual.reason")} submitLabel={t("manual.markFailedSubmit")} variant="danger" maxLength={500} />
                  </Disclosure>
                ) : null}
                {p.status === "paid" && p.selfEmployed && !p.receiptRef ? (
                  <Disclosure label={t("receipt.add")}>
                    <TextActionForm action={saveReceiptAction.bind(null, target)} name="receiptRef" idPrefix={p.id} label={t("receipt.label")} submitLabel={t("receipt.save")} maxLength={100} />
                  </Disclosure>
                ) : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
