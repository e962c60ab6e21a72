import { withTenantRoute } from "@/lib/auth/route";
import { firstParam } from "@/lib/kernel/search-params";
import { isMonth, localMonth } from "@/lib/placements/month";
import { placementReportCsv } from "@/lib/placements/report-csv";

/** CSV of the month's placements report (?month=YYYY-MM, else the agency's current month). Same guard as the page. */
export const GET = withTenantRoute("referrals:read", async (request, ctx, { locale }) => {
  const typed = firstParam(new URL(request.url).searchParams.get("month"))?.trim() ?? "";
  const month = isMonth(typed) ? typed : localMonth(new Date(), ctx.timeZone);
  const csv = await placementReportCsv(ctx, month, locale);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="placements-${ctx.slug}-${month}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
