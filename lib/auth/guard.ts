import "server-only";
import { notFound, redirect } from "next/navigation";
import { ForbiddenError } from "@/lib/kernel/errors";
import type { Locale } from "@/lib/i18n/settings";
import { auth } from "./auth";
import { resolvePartnerContext, type PartnerContext } from "./contexts/partner";
import { resolveTenantContext, type TenantContext } from "./contexts/tenant";
import { resolveUserContext, type UserContext } from "./contexts/user";
import { can, type Permission } from "./permissions";

// Every context is made in lib/auth (docs/architecture.md): TenantContext and PartnerContext here
// and in ./route.ts, UserContext here, PublicContext (./contexts/public.ts) from a board's slug,
// ApiKeyContext (lib/api-keys/authenticate.ts) from a key, SystemContext (./contexts/system.ts) for
// webhooks, jobs and the seed.

/** The signed-in user's context, or a redirect to sign-in. */
export async function requireUserContext(locale: Locale): Promise<UserContext> {
  const session = await auth();
  const ctx = session?.user?.id ? await resolveUserContext(session.user.id) : null;
  if (!ctx) redirect(`/${locale}/sign-in`);
  return ctx;
}

/** The signed-in user, or a redirect to sign-in. */
export async function requireUser(locale: Locale) {
  return (await requireUserContext(locale)).user;
}

/**
 * The one guard for staff pages and actions: signed in, a member of the tenant in the URL, and
 * allowed to do `permission`. A tenant the user does not belong to is answered exactly like a
 * tenant that does not exist (404), so slugs of other agencies cannot be probed.
 */
export async function requireTenant(locale: Locale, slug: string, permission: Permission): Promise<TenantContext> {
  const user = await requireUser(locale);
  const ctx = await resolveTenantContext(user.id, slug);
  if (!ctx) notFound();
  if (!can(ctx.role, permission)) throw new ForbiddenError();
  return ctx;
}

/** For pages: like requireTenant, but a missing permission renders the 404 page instead of throwing. */
export async function requireTenantPage(locale: Locale, slug: string, permission: Permission): Promise<TenantContext> {
  try {
    return await requireTenant(locale, slug, permission);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

/** The one guard for the partner portal: signed in and an active partner of this tenant. */
export async function requirePartner(locale: Locale, slug: string): Promise<PartnerContext> {
  const user = await requireUser(locale);
  const ctx = await resolvePartnerContext(user.id, slug);
  if (!ctx) notFound();
  return ctx;
}
