import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { refCookieName } from "@/lib/opportunities/attribution";
import { shareVisitCookie } from "@/lib/opportunities/share-visit";
import { log } from "@/lib/ops/log";

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const input = z.object({
  t: slug,
  o: z.string().regex(/^[a-z0-9]{1,40}$/).optional(),
  ref: z.string().max(40),
  l: z.enum(["en", "ru"]).catch("en"),
});

/**
 * A share link `/{locale}/o/{tenant}/{id}?ref=CODE` is sent here by the board page (a page may not
 * set cookies while rendering). For a valid partner of that agency the signed attribution cookie is
 * set; then, valid or not, the visitor lands on the same page without `?ref`. The target is built
 * from the checked slug and id only, so this cannot redirect anywhere else.
 */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries(request.nextUrl.searchParams.entries());
  const parsed = input.safeParse(params);
  if (!parsed.success) return new Response(null, { status: 303, headers: { Location: "/" } });
  const { t: tenant, o: opportunityId, ref, l: locale } = parsed.data;
  const target = `/${locale}/o/${tenant}${opportunityId ? `/${opportunityId}` : ""}`;
  const response = new NextResponse(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
  try {
    const cookie = await shareVisitCookie({
      slug: tenant, opportunityId: opportunityId ?? null, code: ref, existingCookie: request.cookies.get(refCookieName(tenant))?.value,
    });
    if (cookie) {
      response.cookies.set(cookie.name, cookie.value, {
        maxAge: cookie.maxAge, httpOnly: true, sameSite: "lax", path: "/", secure: request.nextUrl.protocol === "https:",
      });
    }
  } catch (error) {
    // Attribution must never stop a visitor from reaching the opportunity.
    log().error({ err: error }, "share link attribution failed");
  }
  return response;
}
