import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { toCsv } from "@/lib/kernel/csv";
import { platformName } from "./describe-rule";
import { placementMonthReport } from "./month-report";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The month's placements report as CSV, headed and worded in the staff member's language; a Russian
 * export is split on ";" as Russian Excel expects (like the pipeline export, lib/referrals/export-csv.ts).
 */
export async function placementReportCsv(ctx: TenantContext, month: string, locale: Locale, now = new Date()): Promise<string> {
  const report = await placementMonthReport(ctx, month, now);
  const t = createI18n(locale).getFixedT(locale, ["placements", "common"]);
  const yes = t("report.csv.yes");
  const no = t("report.csv.no");
  const flag = (v: boolean) => (v ? yes : no);
  const columns = ["id", "plannedOn", "publishedOn", "brand", "creator", "platform", "audience", "status", "erid", "missingErid", "missingRegistration", "statsDue", "statsSent", "impressions", "clicks"];
  return toCsv([
    columns.map((c) => t(`report.csv.columns.${c}`)),
    ...report.rows.map((r) => [
      r.id, day(r.plannedOn), day(r.publishedOn), r.brandName, r.creatorName, platformName(t, r.platform), t(`common:markets.${r.audienceMarket}`),
      t(`status.${r.status}`), r.erid ?? "", flag(r.missingErid), flag(r.missingRegistration), flag(r.statsDue), r.statsDue ? flag(r.statsSent) : "",
      r.impressions === null ? "" : String(r.impressions), String(r.clicks),
    ]),
  ], locale === "ru" ? ";" : ",");
}
