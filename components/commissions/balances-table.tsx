import type { TFunction } from "i18next";
import Link from "next/link";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import type { LedgerBalance } from "@/lib/commissions/balances";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

/** Per partner and currency: sums of ledger rows by state. Each figure links to the rows behind it. */
export function BalancesTable({ items, locale, t, href }: {
  items: (LedgerBalance & { partnerName: string })[]; locale: Locale; t: TFunction; href: (partnerId: string, currency: string, status?: string) => string;
}) {
  if (items.length === 0) return <EmptyState>{t("balances.empty")}</EmptyState>;
  const cell = (b: LedgerBalance, minor: bigint, status?: string) => (
    <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
      <Link href={href(b.partnerId, b.currency, status)} className="hover:text-indigo-700">{formatMoney(locale, minor, b.currency)}</Link>
    </td>
  );
  return (
    <DataTable
      head={[
        { label: t("balances.partner") }, { label: t("balances.currency") },
        { label: t("status.pending"), align: "right" }, { label: t("balances.approved"), align: "right" },
        { label: t("balances.inPayout"), align: "right" }, { label: t("status.paid"), align: "right" }, { label: t("status.void"), align: "right" },
      ]}
    >
      {items.map((b) => (
        <tr key={`${b.partnerId}|${b.currency}`} className="hover:bg-slate-50">
          <td className="px-4 py-3 font-medium text-slate-900">{b.partnerName}</td>
          <td className="px-4 py-3 text-slate-600">{b.currency}</td>
          {cell(b, b.pendingMinor, "pending")}
          {cell(b, b.approvedMinor, "approved")}
          {cell(b, b.inPayoutMinor, "approved")}
          {cell(b, b.paidMinor, "paid")}
          {cell(b, b.voidMinor, "void")}
        </tr>
      ))}
    </DataTable>
  );
}
