"use client";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { errorsToCsv } from "@/lib/imports/errors-csv";
import type { RowError } from "@/lib/kernel/row-error";

const SHOWN = 200;

/** The per-row error report of an import: a table (first 200) and the full list as a CSV download. */
export function RowErrors({ errors, fileName }: { errors: RowError[]; fileName: string }) {
  const { t } = useTranslation(["fx", "errors"]);
  if (errors.length === 0) return null;
  const message = (e: RowError) => t(`errors:${e.code}`, e.values ?? {});
  const labels = { row: t("rowErrors.row"), column: t("rowErrors.column"), message: t("rowErrors.message") };

  function download() {
    const blob = new Blob([errorsToCsv(errors, labels, message)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">{t("rowErrors.title", { count: errors.length })}</h3>
        <Button type="button" variant="secondary" onClick={download}>{t("rowErrors.download")}</Button>
      </div>
      <DataTable head={[{ label: labels.row, align: "right", className: "w-20" }, { label: labels.column, className: "w-48" }, { label: labels.message }]}>
        {errors.slice(0, SHOWN).map((e, i) => (
          <tr key={`${e.row}-${e.column ?? ""}-${i}`}>
            <td className="px-4 py-2 text-right tabular-nums">{e.row}</td>
            <td className="px-4 py-2 font-mono text-xs text-slate-700">{e.column ?? "—"}</td>
            <td className="px-4 py-2 text-slate-800">{message(e)}</td>
          </tr>
        ))}
      </DataTable>
      {errors.length > SHOWN ? <p className="text-xs text-slate-500">{t("rowErrors.truncated", { shown: SHOWN, count: errors.length })}</p> : null}
    </div>
  );
}
