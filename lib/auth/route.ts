// The guards of route handlers (CSV and XLSX downloads): the pages' guards, answered in the route's
// way. A stranger, a non-member, a missing permission, an unknown locale and another tenant's row
// all get the same bare 404, so slugs and ids of other agencies cannot be probed.
import { NotFoundError } from "@/lib/kernel/errors";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { auth } from "./auth";
import { resolvePartnerContext, type PartnerContext } from "./contexts/partner";
import { resolveTenantContext, type TenantContext } from "./contexts/tenant";
import { can, type Permission } from "./permissions";

type SegmentParams = { locale: string; tenant: string };
type RouteContext<P> = { params: Promise<P> };
type Handler<C, P> = (request: Request, ctx: C, params: Omit<P, "locale"> & { locale: Locale }) => Promise<Response>;

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404 });
}

async function guarded<C, P extends SegmentParams>(
  request: Request,
  params: Promise<P>,
  resolve: (userId: string, slug: string) => Promise<C | null>,
  handler: Handler<C, P>,
): Promise<Response> {
  const p = await params;
  const session = await auth();
  const ctx = session?.user?.id ? await resolve(session.user.id, p.tenant) : null;
  if (!ctx || !isLocale(p.locale)) return notFoundResponse();
  try {
    return await handler(request, ctx, { ...p, locale: p.locale });
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
}

/**
 * A staff route handler (`/<locale>/t/<tenant>/…`): signed in, a member of the tenant in the URL and
 * allowed to do `permission`, else 404. The handler gets the TenantContext and the route's params;
 * a NotFoundError it throws is a 404 too.
 */
export function withTenantRoute<P extends SegmentParams = SegmentParams>(permission: Permission, handler: Handler<TenantContext, P>) {
  return (request: Request, { params }: RouteContext<P>): Promise<Response> =>
    guarded(request, params, async (userId, slug) => {
      const ctx = await resolveTenantContext(userId, slug);
      return ctx && can(ctx.role, permission) ? ctx : null;
    }, handler);
}

/** A partner-portal route handler (`/<locale>/p/<tenant>/…`): signed in and an active partner of the tenant, else 404. */
export function withPartnerRoute<P extends SegmentParams = SegmentParams>(handler: Handler<PartnerContext, P>) {
  return (request: Request, { params }: RouteContext<P>): Promise<Response> => guarded(request, params, resolvePartnerContext, handler);
}
