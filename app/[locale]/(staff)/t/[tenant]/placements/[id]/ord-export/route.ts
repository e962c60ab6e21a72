import { withTenantRoute } from "@/lib/auth/route";
import { OrdError } from "@/lib/ord/errors";
import { placementOrdExport } from "@/lib/ord/placement-ord";

/** The placement's ОРД objects as a JSON file for a manual upload (no key configured, or as a record). */
export const GET = withTenantRoute<{ locale: string; tenant: string; id: string }>("referrals:read", async (request, ctx, { locale, id }) => {
  try {
    const file = await placementOrdExport(ctx, id);
    return new Response(file.body, {
      headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.name}"`, "cache-control": "private, no-store" },
    });
  } catch (error) {
    // Incomplete legal details: back to the placement, which says what to fill in.
    if (error instanceof OrdError) return Response.redirect(new URL(`/${locale}/t/${ctx.slug}/placements/${id}?export=invalid`, request.url), 303);
    throw error;
  }
});
