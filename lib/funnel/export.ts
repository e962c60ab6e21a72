// Every dashboard table as rows of strings for CSV: the same queries as the screen, unpaginated
// and capped at EXPORT_CAP rows. Column keys are stable; the UI translates them for the header.
import { minorToDecimal } from "@/lib/kernel/money";
import { toCsv } from "@/lib/kernel/csv";
import { clickRows, customerRows, eventRows, stageRows } from "./drilldown";
import { getLtvReport } from "./ltv";
import { getFunnelSeries, getFunnelSplit, getLeaderboard } from "./reports";
import type { FunnelFilter, FunnelRates, FunnelScope, FunnelTable, FunnelTotals, Money } from "./types";

export const EXPORT_CAP = 50_000;

export type FunnelExport = { columns: string[]; rows: string[][]; truncated: boolean };

type Format = { decimalMark: string };

const iso = (d: Date | null) => (d ? d.toISOString() : "");
const text = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? "" : String(v));
const money = (m: Money, f: Format) => minorToDecimal(m.minor, m.currency, f.decimalMark);
const ratio = (v: number | null, f: Format) => (v === null ? "" : v.toFixed(4).replace(".", f.decimalMark));

const totalsColumns = [
  "clicks", "referrals", "qualified", "closes", "revenue", "currency", "revenueEvents", "missingFxEvents",
  "clickToReferral", "referralToQualified", "qualifiedToClose",
];
const totalsCells = (t: FunnelTotals, r: FunnelRates, f: Format) => [
  text(t.clicks), text(t.referrals), text(t.qualified), text(t.closes), money(t.revenue, f), t.revenue.currency,
  text(t.revenueEvents), text(t.missingFxEvents),
  ratio(r.clickToReferral.value, f), ratio(r.referralToQualified.value, f), ratio(r.qualifiedToClose.value, f),
];

function capped<T>(rows: T[]): { rows: T[]; truncated: boolean } {
  return rows.length > EXPORT_CAP ? { rows: rows.slice(0, EXPORT_CAP), truncated: true } : { rows, truncated: false };
}

const all = { limit: EXPORT_CAP + 1, offset: 0 };

export async function exportFunnelTable(
  scope: FunnelScope, filter: FunnelFilter, spec: FunnelTable, format: Format = { decimalMark: "." },
): Promise<FunnelExport> {
  const f = format;
  switch (spec.table) {
    case "clicks": {
      const { rows, truncated } = capped(await clickRows(scope, filter, all, spec.includeExcluded));
      return {
        columns: ["id", "occurredAt", "linkCode", "partner", "program", "sourceMarket", "targetMarket", "country", "device", "referrerHost", "bot", "repeatOf"],
        rows: rows.map((r) => [r.id, iso(r.occurredAt), r.linkCode, r.partnerName, r.programName, r.sourceMarket, r.targetMarket,
          text(r.country), r.device, text(r.referrerHost), text(r.isBot), text(r.repeatOfId)]),
        truncated,
      };
    }
    case "stage": {
      const { rows, truncated } = capped(await stageRows(scope, filter, spec.stage, all));
      return {
        columns: ["kind", "id", "at", "subject", "status", "partner", "program", "sourceMarket", "targetMarket", "submittedAt", "qualifiedAt", "closedAt"],
        rows: rows.map((r) => [r.kind, r.id, iso(r.at), text(r.subject), text(r.status), text(r.partnerName), text(r.programName),
          text(r.sourceMarket), text(r.targetMarket), iso(r.submittedAt), iso(r.qualifiedAt), iso(r.closedAt)]),
        truncated,
      };
    }
    case "customers": {
      const { rows, truncated } = capped(await customerRows(scope, filter, all, spec.source));
      return {
        columns: ["id", "name", "externalId", "source", "partner", "program", "sourceMarket", "targetMarket", "firstSeenAt", "ltv", "currency", "events", "missingFxEvents"],
        rows: rows.map((r) => [r.id, text(r.name), text(r.externalId), r.source, text(r.partnerName), text(r.programName), text(r.sourceMarket),
          text(r.targetMarket), iso(r.firstSeenAt), money(r.ltv, f), r.ltv.currency, text(r.events), text(r.missingFxEvents)]),
        truncated,
      };
    }
    case "events": {
      const { rows, truncated } = capped(await eventRows(scope, filter, all, spec.type));
      return {
        columns: ["id", "type", "source", "occurredAt", "amount", "currency", "reportingAmount", "reportingCurrency", "missingFx",
          "customer", "externalCustomerId", "referralId", "partner", "program", "sourceMarket", "targetMarket"],
        rows: rows.map((r) => [r.id, r.type, r.source, iso(r.occurredAt),
          r.amountMinor !== null && r.currency ? minorToDecimal(BigInt(r.amountMinor), r.currency, f.decimalMark) : "", text(r.currency),
          r.reportingAmountMinor !== null && r.reportingCurrency ? minorToDecimal(BigInt(r.reportingAmountMinor), r.reportingCurrency, f.decimalMark) : "",
          text(r.reportingCurrency), text(r.missingFx), text(r.customerName), text(r.externalCustomerId), text(r.referralId),
          text(r.partnerName), text(r.programName), text(r.sourceMarket), text(r.targetMarket)]),
        truncated,
      };
    }
    case "split": {
      const rows = await getFunnelSplit(scope, filter, spec.dim);
      return { columns: ["key", "label", ...totalsColumns], rows: rows.map((r) => [r.key, r.label, ...totalsCells(r.totals, r.rates, f)]), truncated: false };
    }
    case "series": {
      const rows = await getFunnelSeries(scope, filter);
      return {
        columns: ["day", "clicks", "referrals", "qualified", "closes", "revenue", "currency"],
        rows: rows.map((p) => [p.day, text(p.clicks), text(p.referrals), text(p.qualified), text(p.closes),
          money({ minor: p.revenueMinor, currency: scope.reportingCurrency }, f), scope.reportingCurrency]),
        truncated: false,
      };
    }
    case "leaderboard": {
      const rows = await getLeaderboard(scope, filter, { limit: 1000, sort: spec.sort, direction: spec.direction });
      return {
        columns: ["partnerId", "partner", "market", ...totalsColumns],
        rows: rows.map((r) => [r.partnerId, r.name, r.market, ...totalsCells(r.totals, r.rates, f)]),
        truncated: false,
      };
    }
    case "ltv": {
      const report = await getLtvReport(scope, filter);
      const c = report.currency;
      const cells = (r: { customers: number; totalMinor: bigint; averageMinor: bigint | null; missingFxEvents: number }) => [
        text(r.customers), money({ minor: r.totalMinor, currency: c }, f),
        r.averageMinor === null ? "" : money({ minor: r.averageMinor, currency: c }, f), c, text(r.missingFxEvents),
      ];
      return {
        columns: ["group", "source", "month", "pair", "customers", "total", "average", "currency", "missingFxEvents"],
        rows: [
          ["source", "referral", "", "", ...cells(report.referral)],
          ["source", "direct", "", "", ...cells(report.direct)],
          ...report.byCohortMonth.map((r) => ["cohortMonth", r.source, r.month, "", ...cells(r)]),
          ...report.byMarketPair.map((r) => ["marketPair", "", "", r.pair, ...cells(r)]),
        ],
        truncated: false,
      };
    }
  }
}

/**
 * A table as CSV text (BOM, formula-safe cells). `header` translates a column key; a Russian
 * export passes delimiter ";" and decimalMark "," like the referrals export.
 */
export async function funnelCsv(
  scope: FunnelScope, filter: FunnelFilter, spec: FunnelTable,
  options: { header?: (column: string) => string; delimiter?: string; decimalMark?: string } = {},
): Promise<{ csv: string; truncated: boolean }> {
  const table = await exportFunnelTable(scope, filter, spec, { decimalMark: options.decimalMark ?? "." });
  const header = table.columns.map((c) => options.header?.(c) ?? c);
  return { csv: toCsv([header, ...table.rows], options.delimiter ?? ","), truncated: table.truncated };
}
