import "server-only";
import { notFound, redirect } from "next/navigation";
import { resolvePartnerContext, type PartnerContext } from "@/lib/db/partner-context";
import { resolveTenantContext, type TenantContext } from "@/lib/db/tenant-context";
import { findUserById } from "@/lib/db/users";
import type { Locale } from "@/lib/i18n/settings";
import { auth } from "./auth";
import { ForbiddenError } from "@/lib/errors";
import { can, type Permission } from "./permissions";

/** The signed-in user, or a redirect to sign-in. */
export async function requireUser(locale: Locale) {
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) redirect(`/${locale}/sign-in`);
  return user;
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
