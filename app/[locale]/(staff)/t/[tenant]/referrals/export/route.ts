import { auth } from "@/lib/auth/auth";
import { can } from "@/lib/auth/permissions";
import { resolveTenantContext } from "@/lib/db/tenant-context";
import { isLocale } from "@/lib/i18n/settings";
import { referralsCsv } from "@/lib/referrals/export-csv";
import { flattenSearchParams, pipelineQuery } from "@/lib/referrals/list-query";

type Context = { params: Promise<{ locale: string; tenant: string }> };

/** CSV of the pipeline under the filters in the query string. Same guard as the pages. */
export async function GET(request: Request, { params }: Context) {
  const { locale, tenant } = await params;
  const session = await auth();
  const ctx = session?.user?.id ? await resolveTenantContext(session.user.id, tenant) : null;
  // A stranger, a non-member and a missing workspace all get the same 404.
  if (!ctx || !can(ctx.role, "referrals:read") || !isLocale(locale)) return new Response("Not found", { status: 404 });
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
}
