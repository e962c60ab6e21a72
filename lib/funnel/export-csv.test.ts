import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { csvFormat, exportSpec, funnelCsvText, isExportTable, localizeExport, summaryRows } from "./export-csv";
import { parseFunnelParams } from "./params";
import { NO_SPLIT_KEY, type FunnelSummary } from "./types";

const tFor = (locale: Locale) => createI18n(locale).getFixedT(locale, ["funnel", "referrals"]);
const now = new Date("2026-03-12T10:00:00Z");

const summary: FunnelSummary = {
  basis: "cohort",
  from: new Date("2026-02-01T00:00:00Z"),
  to: new Date("2026-03-01T00:00:00Z"),
  totals: { clicks: 412, referrals: 37, qualified: 0, closes: 0, revenue: { minor: 1234550n, currency: "RUB" }, revenueEvents: 4, missingFxEvents: 3 },
  rates: {
    clickToReferral: { numerator: 37, denominator: 412, value: 37 / 412 },
    referralToQualified: { numerator: 0, denominator: 37, value: 0 },
    qualifiedToClose: { numerator: 0, denominator: 0, value: null },
  },
};

describe("funnel CSV export", () => {
  it("writes the tiles for Russian Excel: BOM, ';', decimal comma, each rate with its basis, no rate without a denominator", () => {
    const { view } = parseFunnelParams({ period: "lastMonth", basis: "cohort" }, now);
    const csv = funnelCsvText(summaryRows(summary, view, tFor("ru"), csvFormat("ru")), csvFormat("ru"));
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe("Показатель;Значение;Числитель;Знаменатель");
    expect(lines).toContain("Основа;По когорте;;");
    expect(lines).toContain("По (включительно);2026-02-28;;");
    expect(lines).toContain("Выручка;12345,50;;");
    expect(lines).toContain("События без курса;3;;");
    expect(lines).toContain("Переход → рекомендация (доля);0,0898;37;412");
    expect(lines).toContain("Рекомендация → квалификация (доля);0,0000;0;37");
    expect(lines).toContain("Квалификация → сделка (доля);;0;0");
  });

  it("translates headers and enumerated cells, names split rows and keeps cells formula-safe", () => {
    const spec = { table: "split", dim: "crossMarket" } as const;
    const rows = localizeExport(spec, {
      columns: ["key", "label", "clicks"],
      rows: [["cross", "cross", "10"], ["single", "single", "5"], [NO_SPLIT_KEY, "", "1"]],
      truncated: false,
    }, tFor("en"));
    expect(rows).toEqual([["Key", "Name", "Clicks"], ["cross", "Cross-market", "10"], ["single", "Single-market", "5"], [NO_SPLIT_KEY, "Not attributed", "1"]]);

    const events = localizeExport({ table: "events" }, {
      columns: ["type", "source", "missingFx", "customer", "newColumn"],
      rows: [["revenue", "csv", "true", "=HYPERLINK(\"http://x\")", "v"]],
      truncated: false,
    }, tFor("ru"));
    expect(events[0]).toEqual(["Тип", "Источник", "Нет курса", "Клиент", "newColumn"]);
    expect(events[1]).toEqual(["Выручка", "Импорт CSV", "да", "=HYPERLINK(\"http://x\")", "v"]);
    expect(funnelCsvText(events, csvFormat("ru"))).toContain(`;"'=HYPERLINK(""http://x"")";`);

    const stage = localizeExport({ table: "stage", stage: "closes" }, { columns: ["kind", "status"], rows: [["referral", "won"]], truncated: false }, tFor("ru"));
    expect(stage[1]).toEqual(["Рекомендация", "Сделка заключена"]);
  });

  it("asks for the table the view shows, and nothing else", () => {
    const { view } = parseFunnelParams({ stage: "qualified", source: "direct", type: "refund", split: "program", sort: "clicks", dir: "asc", excluded: "1" }, now);
    expect(exportSpec("referrals", view)).toEqual({ table: "stage", stage: "qualified" });
    expect(exportSpec("customers", view)).toEqual({ table: "customers", source: "direct" });
    expect(exportSpec("events", view)).toEqual({ table: "events", type: "refund" });
    expect(exportSpec("split", view)).toEqual({ table: "split", dim: "program" });
    expect(exportSpec("leaderboard", view)).toEqual({ table: "leaderboard", sort: "clicks", direction: "asc" });
    expect(exportSpec("clicks", view)).toEqual({ table: "clicks", includeExcluded: true });
    expect(["summary", "ltv", "events"].every(isExportTable)).toBe(true);
    expect(["constructor", "../clicks", "stage", ""].some(isExportTable)).toBe(false);
  });
});
