"use client";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RowErrors } from "@/components/imports/row-errors";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { FileInput } from "@/components/ui/file-input";
import { importRevenueChunkAction } from "@/lib/imports/actions";
import { chunk, MAX_IMPORT_BYTES, parseRevenueFile, type HeaderProblem, type RawRevenueRow } from "@/lib/imports/revenue-csv";
import type { RowError } from "@/lib/kernel/row-error";
import { formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/settings";

type Phase = "idle" | "ready" | "running" | "done" | "cancelled" | "stopped";
type Counts = { done: number; imported: number; duplicates: number; failed: number };
const ZERO: Counts = { done: 0, imported: 0, duplicates: 0, failed: 0 };

/**
 * The browser reads and checks the file, then sends it in chunks to the server action; each chunk's
 * rows are recorded or reported one by one, so a bad row never holds back a good one. Cancelling
 * stops after the chunk in flight (already imported rows stay; importing the file again skips them).
 */
export function RevenueImport({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["fx", "errors"]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [rows, setRows] = useState<RawRevenueRow[]>([]);
  const [problem, setProblem] = useState<HeaderProblem | { code: string; values?: Record<string, string | number> } | null>(null);
  const [counts, setCounts] = useState<Counts>(ZERO);
  const [errors, setErrors] = useState<RowError[]>([]);
  const cancelled = useRef(false);

  async function pick(file: File | undefined) {
    setPhase("idle");
    setRows([]);
    setErrors([]);
    setCounts(ZERO);
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setProblem({ code: "fx.import_file_too_large", values: { max: MAX_IMPORT_BYTES / 1024 / 1024 } });
    const parsed = parseRevenueFile(await file.text());
    if (!parsed.ok) return setProblem(parsed.problem);
    setRows(parsed.rows);
    setPhase("ready");
  }

  async function run() {
    cancelled.current = false;
    setPhase("running");
    setErrors([]);
    let total = { ...ZERO };
    for (const part of chunk(rows)) {
      if (cancelled.current) return setPhase("cancelled");
      const response = await importRevenueChunkAction({ locale, tenant }, { rows: part });
      if (!response.ok) {
        setProblem({ code: response.code });
        return setPhase("stopped");
      }
      const { result } = response;
      total = {
        done: total.done + part.length,
        imported: total.imported + result.imported,
        duplicates: total.duplicates + result.duplicates,
        failed: total.failed + result.failed,
      };
      setCounts(total);
      const failedRows = result.outcomes.flatMap((o) => o.errors ?? []);
      if (failedRows.length > 0) setErrors((previous) => [...previous, ...failedRows]);
    }
    setPhase("done");
  }

  const n = (value: number) => formatNumber(isLocale(locale) ? locale : "en", value);
  const percent = rows.length > 0 ? Math.round((counts.done / rows.length) * 100) : 0;
  return (
    <div className="space-y-5">
      <div>
        <label htmlFor="revenue-file" className="mb-1 block text-sm font-medium text-slate-800">{t("import.file")}</label>
        <FileInput id="revenue-file" accept=".csv,text/csv" disabled={phase === "running"} onChange={(e) => void pick(e.currentTarget.files?.[0])} />
      </div>
      {problem ? <Notice tone="error">{t(`errors:${problem.code}`, "values" in problem ? problem.values : {})}</Notice> : null}
      {phase === "ready" ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700">{t("import.ready", { count: rows.length, formatted: n(rows.length) })}</p>
          <Button type="button" onClick={() => void run()}>{t("import.start")}</Button>
        </div>
      ) : null}
      {phase !== "idle" && phase !== "ready" ? (
        <div className="space-y-2">
          <div className="flex items-center justify-between text-sm text-slate-700">
            <span>{t("import.progress", { done: n(counts.done), total: n(rows.length) })}</span>
            {phase === "running" ? (
              <Button type="button" variant="secondary" onClick={() => (cancelled.current = true)}>{t("import.cancel")}</Button>
            ) : null}
          </div>
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={rows.length}
            aria-valuenow={counts.done}
            aria-label={t("import.progressLabel")}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("import.counts", { imported: n(counts.imported), duplicates: n(counts.duplicates), failed: n(counts.failed) })}
          </p>
          {phase === "done" ? <Notice tone={counts.failed > 0 ? "info" : "success"}>{t("import.done")}</Notice> : null}
          {phase === "cancelled" ? <Notice tone="info">{t("import.cancelled")}</Notice> : null}
        </div>
      ) : null}
      <RowErrors errors={errors} fileName="revenue-import-errors.csv" />
    </div>
  );
}
