import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { formatDecimal, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

type Row = { id: string; day: Date; base: string; quote: string; rate: string; source: string };

export function RatesTable({ locale, items, t }: { locale: Locale; items: Row[]; t: TFunction }) {
  if (items.length === 0) return <EmptyState>{t("list.empty")}</EmptyState>;
  return (
    <DataTable
      head={[
        { label: t("list.day") },
        { label: t("list.pair") },
        { label: t("list.rate"), align: "right" },
        { label: t("list.meaning") },
        { label: t("list.source") },
      ]}
    >
      {items.map((r) => (
        <tr key={r.id}>
          <td className="px-4 py-2 tabular-nums text-slate-700">{formatDay(locale, r.day)}</td>
          <td className="px-4 py-2 font-medium">{r.base}/{r.quote}</td>
          <td className="px-4 py-2 text-right tabular-nums">{formatDecimal(locale, r.rate)}</td>
          <td className="px-4 py-2 text-slate-600">{t("list.meaningValue", { base: r.base, quote: r.quote, rate: formatDecimal(locale, r.rate) })}</td>
          <td className="px-4 py-2"><Badge tone={r.source === "cbr" ? "indigo" : "slate"}>{t(`list.sources.${r.source === "cbr" ? "cbr" : "csv"}`)}</Badge></td>
        </tr>
      ))}
    </DataTable>
  );
}
