// The funnel's CSV files as people open them: the tables from export.ts (stable column keys, raw
// values) with headers and enumerated values in the viewer's language, plus the summary of the
// tiles. A Russian file uses ";" and a decimal comma, like the referrals export, so Excel splits
// the columns and reads the numbers.
import type { TFunction } from "i18next";
import type { Locale } from "@/lib/i18n/settings";
import { toCsv } from "@/lib/kernel/csv";
import { minorToDecimal } from "@/lib/kernel/money";
import type { FunnelExport } from "./export";
import type { FunnelView } from "./params";
import { NO_SPLIT_KEY, type FunnelSummary, type FunnelTable, type Rate } from "./types";

export const exportTables = ["summary", "split", "series", "leaderboard", "ltv", "clicks", "referrals", "customers", "events"] as const;
export type ExportTable = (typeof exportTables)[number];

export function isExportTable(value: string): value is ExportTable {
  return (exportTables as readonly string[]).includes(value);
}

export type CsvFormat = { delimiter: string; decimalMark: string };
export const csvFormat = (locale: Locale): CsvFormat => (locale === "ru" ? { delimiter: ";", decimalMark: "," } : { delimiter: ",", decimalMark: "." });

/** The query behind a table of the view (the summary has none: it is the tiles). */
export function exportSpec(table: Exclude<ExportTable, "summary">, view: FunnelView): FunnelTable {
  switch (table) {
    case "clicks":
      return { table: "clicks", includeExcluded: view.excluded };
    case "referrals":
      return { table: "stage", stage: view.stage };
    case "customers":
      return { table: "customers", source: view.source };
    case "events":
      return { table: "events", type: view.type };
    case "split":
      return { table: "split", dim: view.split };
    case "series":
      return { table: "series" };
    case "leaderboard":
      return { table: "leaderboard", sort: view.sort, direction: view.dir };
    case "ltv":
      return { table: "ltv" };
  }
}

type Translate = (value: string) => string;

/** Enumerated cells that read better translated; "source" means a different thing per table. */
function valueTranslators(spec: FunnelTable, t: TFunction): Record<string, Translate> {
  const yesNo: Translate = (v) => (v === "true" ? t("funnel:csv.yes") : v === "false" ? t("funnel:csv.no") : v);
  const key = (prefix: string): Translate => (v) => (v ? t(`${prefix}.${v}`, { defaultValue: v }) : v);
  switch (spec.table) {
    case "clicks":
      return { device: key("funnel:device"), bot: yesNo };
    case "stage":
      return { kind: key("funnel:kind"), status: key("referrals:status") };
    case "customers":
      return { source: key("funnel:customerSource") };
    case "events":
      return { type: key("funnel:eventType"), source: key("funnel:eventSource"), missingFx: yesNo };
    case "ltv":
      return { group: key("funnel:csv.groups"), source: key("funnel:ltv") };
    default:
      return {};
  }
}

/** Header and cells of an exported table in the viewer's language, ready for toCsv. */
export function localizeExport(spec: FunnelTable, table: FunnelExport, t: TFunction): string[][] {
  const translators = valueTranslators(spec, t);
  const keyAt = table.columns.indexOf("key");
  const labelAt = table.columns.indexOf("label");
  const rows = table.rows.map((row) => {
    const cells = row.map((cell, i) => translators[table.columns[i]]?.(cell) ?? cell);
    if (spec.table === "split" && labelAt >= 0) {
      // Rows without a value for the dimension, and the cross/single keys, carry no readable label.
      if (row[keyAt] === NO_SPLIT_KEY) cells[labelAt] = t("funnel:noValue");
      else if (spec.dim === "crossMarket") cells[labelAt] = t(`funnel:cross.${row[keyAt]}`, { defaultValue: cells[labelAt] });
    }
    return cells;
  });
  return [table.columns.map((c) => t(`funnel:csv.columns.${c}`, { defaultValue: c })), ...rows];
}

const share = (rate: Rate, f: CsvFormat) => (rate.value === null ? "" : rate.value.toFixed(4).replace(".", f.decimalMark));

/** The tiles as metric/value lines; a rate line carries its numerator and denominator, and no value when there is no denominator. */
export function summaryRows(summary: FunnelSummary, view: Pick<FunnelView, "from" | "to">, t: TFunction, f: CsvFormat): string[][] {
  const { totals, rates } = summary;
  const col = (c: string) => t(`funnel:csv.columns.${c}`);
  const line = (metric: string, value: string, rate?: Rate) => [col(metric), value, rate ? String(rate.numerator) : "", rate ? String(rate.denominator) : ""];
  return [
    [col("metric"), col("value"), col("numerator"), col("denominator")],
    line("basis", t(`funnel:basis.${summary.basis}`)),
    line("from", view.from),
    line("to", view.to),
    line("clicks", String(totals.clicks)),
    line("referrals", String(totals.referrals)),
    line("qualified", String(totals.qualified)),
    line("closes", String(totals.closes)),
    line("revenue", minorToDecimal(totals.revenue.minor, totals.revenue.currency, f.decimalMark)),
    line("currency", totals.revenue.currency),
    line("revenueEvents", String(totals.revenueEvents)),
    line("missingFxEvents", String(totals.missingFxEvents)),
    line("clickToReferral", share(rates.clickToReferral, f), rates.clickToReferral),
    line("referralToQualified", share(rates.referralToQualified, f), rates.referralToQualified),
    line("qualifiedToClose", share(rates.qualifiedToClose, f), rates.qualifiedToClose),
  ];
}

export function funnelCsvText(rows: string[][], f: CsvFormat): string {
  return toCsv(rows, f.delimiter);
}

export function exportFilename(table: ExportTable, slug: string, view: Pick<FunnelView, "from" | "to">): string {
  return `funnel-${table}-${slug}-${view.from}_${view.to}.csv`;
}
