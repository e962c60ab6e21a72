import type { TFunction } from "i18next";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

type Row = { id: string; reference: string; amountMinor: bigint; currency: string; paidAt: Date | null; partner: { id: string; name: string } };

/** Paid RUB payouts to self-employed partners still waiting for their «Мой налог» receipt. */
export function ReceiptsTable({ locale, timeZone, rows, t }: { locale: Locale; timeZone: string; rows: Row[]; t: TFunction }) {
  const fmt = { locale, timeZone };
  if (rows.length === 0) return <EmptyState>{t("receipts.empty")}</EmptyState>;
  return (
    <DataTable head={[{ label: t("receipts.partner") }, { label: t("receipts.reference") }, { label: t("receipts.paidAt") }, { label: t("receipts.amount"), align: "right" }]}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="px-4 py-3 font-medium text-slate-900">{row.partner.name}</td>
          <td className="px-4 py-3 font-mono text-xs text-slate-700">{row.reference}</td>
          <td className="px-4 py-3 text-slate-700">{row.paidAt ? formatDate(fmt, row.paidAt) : "—"}</td>
          <td className="px-4 py-3 text-right tabular-nums">{formatMoney(locale, row.amountMinor, row.currency)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
