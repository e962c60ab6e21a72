import Link from "next/link";
import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { ReferralStatus } from "@/lib/kernel/enums";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { MarketPair } from "./market-pair";
import { StatusBadge } from "./status-badge";

export type PipelineRow = {
  id: string;
  kind: "brand" | "creator";
  subjectName: string;
  status: ReferralStatus;
  sourceMarket: string;
  targetMarket: string;
  submittedAt: Date | null;
  duplicateReason: string | null;
  overrideReason: string | null;
  program: { name: string };
  partner: { name: string } | null;
};

type SortKey = "submitted" | "status" | "name";

/** The staff pipeline table. With `selectable`, each row carries a checkbox for bulk triage. */
export function PipelineTable({ rows, locale, timeZone, base, selectable, sortHref, sort, t }: {
  rows: PipelineRow[]; locale: Locale; timeZone: string; base: string; selectable: boolean; sortHref: (key: SortKey) => string;
  sort: { key: SortKey; dir: "asc" | "desc" }; t: TFunction;
}) {
  const fmt = { locale, timeZone };
  const header = (key: SortKey, label: string): Column => ({
    sort: sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined,
    label: (
      <Link href={sortHref(key)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={sort.key === key ? "text-indigo-600" : "text-slate-300"}>{sort.key === key && sort.dir === "asc" ? "▲" : "▼"}</span>
      </Link>
    ),
  });
  const selectAll: Column = {
    className: "w-10",
    label: <input type="checkbox" name="all" aria-label={t("bulk.selectAll")} className="size-4 rounded border-slate-300 text-indigo-600" />,
  };
  return (
    <DataTable
      head={[
        ...(selectable ? [selectAll] : []),
        header("name", t("table.subject")),
        header("status", t("table.status")),
        { label: t("table.markets") },
        { label: t("table.partner") },
        { label: t("table.program") },
        header("submitted", t("table.submitted")),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50">
          {selectable ? (
            <td className="px-4 py-3">
              <input type="checkbox" name="ids[]" value={r.id} aria-label={t("bulk.select", { name: r.subjectName })} className="size-4 rounded border-slate-300 text-indigo-600" />
            </td>
          ) : null}
          <td className="px-4 py-3">
            <Link href={`${base}/${r.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{r.subjectName}</Link>
            <p className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
              {t(`kind.${r.kind}`)}
              {r.duplicateReason ? <Badge tone={r.overrideReason ? "slate" : "amber"}>{t(r.overrideReason ? "table.overridden" : `duplicateReason.${r.duplicateReason}`)}</Badge> : null}
            </p>
          </td>
          <td className="px-4 py-3"><StatusBadge status={r.status} label={t(`status.${r.status}`)} /></td>
          <td className="px-4 py-3"><MarketPair source={r.sourceMarket} target={r.targetMarket} crossLabel={t("crossMarket")} /></td>
          <td className="px-4 py-3 text-slate-700">{r.partner?.name ?? "—"}</td>
          <td className="px-4 py-3 text-slate-700">{r.program.name}</td>
          <td className="px-4 py-3 tabular-nums text-slate-600">{r.submittedAt ? formatDate(fmt, r.submittedAt) : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
