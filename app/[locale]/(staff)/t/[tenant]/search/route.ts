import { withTenantRoute } from "@/lib/auth/route";
import { getT } from "@/lib/i18n/server";
import { DomainError } from "@/lib/kernel/errors";
import { globalSearch } from "@/lib/search/global";
import { searchHitPath } from "@/lib/search/schemas";

/** The command palette's JSON: `?q=` → hits grouped by kind, each with the href of its page. Staff only. */
export const GET = withTenantRoute("dashboard:read", async (request, ctx, { locale }) => {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const headers = { "cache-control": "private, no-store" };
  try {
    const groups = await globalSearch(ctx, q, { locale });
    const base = `/${locale}/t/${ctx.slug}`;
    return Response.json({ groups: groups.map((g) => ({ kind: g.kind, hits: g.hits.map((h) => ({ ...h, href: `${base}${searchHitPath(h)}` })) })) }, { headers });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "not_found") throw error;
    const t = await getT(locale, ["errors"]);
    return Response.json({ error: error.code, message: t(`errors:${error.code}`) }, { status: 400, headers });
  }
});
