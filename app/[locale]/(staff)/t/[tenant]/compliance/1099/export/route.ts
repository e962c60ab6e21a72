import { auth } from "@/lib/auth/auth";
import { can } from "@/lib/auth/permissions";
import { decimalOf, report1099 } from "@/lib/compliance/form-1099";
import { parseReportYear } from "@/lib/compliance/report-year";
import { resolveTenantContext } from "@/lib/db/tenant-context";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { toCsv } from "@/lib/referrals/csv";

type Context = { params: Promise<{ locale: string; tenant: string }> };

/** CSV of the 1099-NEC report for ?year=. The TIN appears only masked (last four digits). */
export async function GET(request: Request, { params }: Context) {
  const { locale, tenant } = await params;
  const session = await auth();
  const ctx = session?.user?.id ? await resolveTenantContext(session.user.id, tenant) : null;
  // A stranger, a non-member and a missing workspace all get the same 404.
  if (!ctx || !can(ctx.role, "payouts:read") || !isLocale(locale)) return new Response("Not found", { status: 404 });
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
}
