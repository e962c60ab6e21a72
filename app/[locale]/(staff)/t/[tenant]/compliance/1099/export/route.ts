import { withTenantRoute } from "@/lib/auth/route";
import { decimalOf, report1099 } from "@/lib/compliance/form-1099";
import { parseReportYear } from "@/lib/compliance/report-year";
import { getT } from "@/lib/i18n/server";
import { toCsv } from "@/lib/kernel/csv";

/** CSV of the 1099-NEC report for ?year=. The TIN appears only masked (last four digits). */
export const GET = withTenantRoute("payouts:read", async (request, ctx, { locale }) => {
  const year = parseReportYear(new URL(request.url).searchParams.get("year"));
  const [report, t] = await Promise.all([report1099(ctx, year), getT(locale, "compliance")]);
  const head = ["partner", "legalName", "tin", "payouts", "totalUsd", "reportable", "withholdingUsd"].map((k) => t(`report1099.columns.${k}`));
  const rows = report.rows.map((r) => [
    r.partnerName, r.legalName, r.tinOnFile ? `•••• ${r.tinLast4}` : "", String(r.payouts), decimalOf(r.totalMinor),
    t(r.reportable ? "report1099.reportable" : "report1099.below"), r.backupWithholding ? decimalOf(r.withholdingMinor) : "",
  ]);
  return new Response(toCsv([head, ...rows]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="1099-nec-${ctx.slug}-${year}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
