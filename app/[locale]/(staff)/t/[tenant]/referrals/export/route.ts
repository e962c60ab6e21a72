import { withTenantRoute } from "@/lib/auth/route";
import { referralsCsv } from "@/lib/referrals/export-csv";
import { pipelineQuery } from "@/lib/referrals/list-query";
import { flattenSearchParams } from "@/lib/kernel/search-params";

/** CSV of the pipeline under the filters in the query string. Same guard as the pages. */
export const GET = withTenantRoute("referrals:read", async (request, ctx, { locale }) => {
  const query = pipelineQuery.parse(flattenSearchParams(new URL(request.url).searchParams));
  const csv = await referralsCsv(ctx, query, locale);
  const filename = `referrals-${ctx.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
