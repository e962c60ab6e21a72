import { withTenantRoute } from "@/lib/auth/route";
import { firstParam } from "@/lib/kernel/search-params";
import { monthStatisticsExport } from "@/lib/ord/placement-ord";
import { isMonth, localMonth, shiftMonth } from "@/lib/placements/month";

/**
 * A month's ОРД statistics as a JSON file for a manual upload in the operator's cabinet (no key
 * configured): ?month=YYYY-MM, else the month last reported (the agency's previous month).
 */
export const GET = withTenantRoute("referrals:read", async (request, ctx) => {
  const typed = firstParam(new URL(request.url).searchParams.get("month"))?.trim() ?? "";
  const month = isMonth(typed) ? typed : shiftMonth(localMonth(new Date(), ctx.timeZone), -1);
  const file = await monthStatisticsExport(ctx, month);
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="ord-statistics-${ctx.slug}-${month}.json"`, "cache-control": "private, no-store" },
  });
});
