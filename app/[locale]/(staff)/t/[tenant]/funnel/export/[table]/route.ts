import { auth } from "@/lib/auth/auth";
import { can } from "@/lib/auth/permissions";
import { resolveTenantContext } from "@/lib/db/tenant-context";
import { csvFormat, exportFilename, exportSpec, funnelCsvText, isExportTable, localizeExport, summaryRows } from "@/lib/funnel/export-csv";
import { parseFunnelParams } from "@/lib/funnel/params";
import { exportFunnelTable, funnelScopeForTenant, getFunnelSummary } from "@/lib/funnel/queries";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale } from "@/lib/i18n/settings";

type Context = { params: Promise<{ locale: string; tenant: string; table: string }> };

/** CSV of one funnel table under the view in the query string: the page's guard, the page's queries. */
export async function GET(request: Request, { params }: Context) {
  const { locale, tenant, table } = await params;
  const session = await auth();
  const ctx = session?.user?.id ? await resolveTenantContext(session.user.id, tenant) : null;
  // A stranger, a non-member, a missing permission and an unknown table all get the same 404.
  if (!ctx || !can(ctx.role, "funnel:read") || !isLocale(locale) || !isExportTable(table)) return new Response("Not found", { status: 404 });
  const { view, filter } = parseFunnelParams(new URL(request.url).searchParams);
  const scope = funnelScopeForTenant(ctx);
  const t = createI18n(locale).getFixedT(locale, ["funnel", "referrals"]);
  const format = csvFormat(locale);
  let rows: string[][];
  let truncated = false;
  if (table === "summary") {
    rows = summaryRows(await getFunnelSummary(scope, filter), view, t, format);
  } else {
    const spec = exportSpec(table, view);
    const result = await exportFunnelTable(scope, filter, spec, { decimalMark: format.decimalMark });
    rows = localizeExport(spec, result, t);
    truncated = result.truncated;
  }
  return new Response(funnelCsvText(rows, format), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFilename(table, ctx.slug, view)}"`,
      "cache-control": "private, no-store",
      ...(truncated ? { "x-rows-truncated": "1" } : {}),
    },
  });
}
