import { notFoundResponse, withTenantRoute } from "@/lib/auth/route";
import { csvFormat, exportFilename, exportSpec, funnelCsvText, isExportTable, localizeExport, summaryRows } from "@/lib/funnel/export-csv";
import { parseFunnelParams } from "@/lib/funnel/params";
import { exportFunnelTable, funnelScopeForTenant, getFunnelSummary } from "@/lib/funnel/queries";
import { createI18n } from "@/lib/i18n/instance";

/** CSV of one funnel table under the view in the query string: the page's guard, the page's queries. */
export const GET = withTenantRoute<{ locale: string; tenant: string; table: string }>("funnel:read", async (request, ctx, { locale, table }) => {
  // An unknown table gets the guard's 404.
  if (!isExportTable(table)) return notFoundResponse();
  const { view, filter } = parseFunnelParams(new URL(request.url).searchParams, new Date(), ctx.funnelTimeZone);
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
});
