import type { TFunction } from "i18next";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import type { MissingDetailsRow } from "@/lib/compliance/overview";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

/** Active partners a payout would be held for (no tax profile or no payout method), before it is. */
export function MissingDetailsTable({ locale, tenant, rows, t }: { locale: Locale; tenant: string; rows: MissingDetailsRow[]; t: TFunction }) {
  if (rows.length === 0) return <EmptyState>{t("details.empty")}</EmptyState>;
  return (
    <DataTable head={[{ label: t("details.partner") }, { label: t("details.missing") }, { label: t("details.unpaid"), align: "right" }, { label: t("details.payouts") }]}>
      {rows.map((row) => (
        <tr key={row.partnerId} className="align-top">
          <td className="px-4 py-3 font-medium text-slate-900">
            <Link href={`/${locale}/t/${tenant}/partners/${row.partnerId}`} className="hover:underline">{row.partnerName}</Link>
          </td>
          <td className="px-4 py-3">
            <div className="flex flex-wrap gap-1">
              {row.taxProfileMissing ? <Badge tone="amber">{t("details.taxProfile")}</Badge> : null}
              {row.payoutMethodMissing ? <Badge tone="amber">{t("details.payoutMethod")}</Badge> : null}
            </div>
          </td>
          <td className="px-4 py-3 text-right tabular-nums text-slate-700">
            {row.unpaid.length ? row.unpaid.map((u) => <div key={u.currency}>{formatMoney(locale, u.amountMinor, u.currency)}</div>) : "—"}
          </td>
          <td className="px-4 py-3 text-slate-700">
            {row.heldPayouts > 0 ? (
              <Badge tone="red">{t("details.held", { count: row.heldPayouts, formatted: formatNumber(locale, row.heldPayouts) })}</Badge>
            ) : row.unpaid.length ? (
              t("details.nextRun")
            ) : (
              t("details.nothingOwed")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
