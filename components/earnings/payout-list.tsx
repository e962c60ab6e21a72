import Link from "next/link";
import type { TFunction } from "i18next";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { PartnerPayoutRow } from "@/lib/earnings/partner-earnings";
import { PayoutStatusBadge } from "./status-badges";

/** The partner's payouts with their status; each opens its printable statement. */
export function PayoutList({ locale, timeZone, base, items, receiptsExpected, t }: { locale: Locale; timeZone: string; base: string; items: PartnerPayoutRow[]; receiptsExpected: boolean; t: TFunction }) {
  const fmt = { locale, timeZone };
  return (
    <ul className="space-y-2">
      {items.map((p) => (
        <li key={p.id}>
          <Link href={`${base}/payouts/${p.id}`} className="block rounded-xl bg-white p-4 ring-1 ring-slate-200 hover:ring-indigo-300" data-payout={p.id}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-semibold tabular-nums text-slate-900">{formatMoney(locale, p.amountMinor, p.currency)}</p>
                <p className="text-xs text-slate-500">{formatDate(fmt, p.date)} · {t(`earnings:rail.${p.rail}`)}</p>
              </div>
              <PayoutStatusBadge status={p.status} label={t(`earnings:payoutStatus.${p.status}`)} />
            </div>
            <p className="mt-2 break-all text-xs text-slate-600">{t("earnings:payouts.reference", { reference: p.reference })}</p>
            {p.receiptRef ? <p className="break-all text-xs text-slate-600">{t("earnings:payouts.receipt", { receipt: p.receiptRef })}</p> : null}
            {!p.receiptRef && receiptsExpected && p.status === "paid" && p.currency === "RUB" ? (
              <p className="mt-1 text-xs font-medium text-amber-800">{t("earnings:payouts.receiptNeeded")}</p>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
