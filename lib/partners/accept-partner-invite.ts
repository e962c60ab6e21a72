import { acceptPartnerInvite, findPartnerInviteByTokenHash } from "./partner-invites";
import type { Locale } from "@/lib/i18n/settings";
import { hashToken } from "@/lib/staff/tokens";
import { closedStatuses } from "./status-transitions";

/** The invite behind a link, or null when it is unknown, used, expired or its partner was stopped. */
export async function loadPartnerInvite(token: string) {
  const invite = await findPartnerInviteByTokenHash(hashToken(token));
  if (!invite || invite.acceptedAt || invite.expiresAt <= new Date() || closedStatuses.includes(invite.partner.status)) return null;
  return {
    agency: invite.tenant.name,
    // An invited partner has no zone of their own yet: the agency's.
    timeZone: invite.tenant.timeZone,
    name: invite.partner.name,
    email: invite.partner.email,
    expiresAt: invite.expiresAt,
    programs: invite.partner.enrolments.map((e) => e.program),
  };
}

export type AcceptedInvite = { ok: true; signInPath: string; tenantSlug: string; email: string } | { ok: false; code: "invite_invalid" };

/**
 * Accepts the invite (single use, atomically) and returns the Auth.js e-mail callback path that
 * signs the partner in and lands them in the tenant's portal. Tokens are global: the invite
 * decides the tenant, never the caller.
 */
export async function acceptPartnerInviteToken(token: string, locale: Locale): Promise<AcceptedInvite> {
  const result = await acceptPartnerInvite(hashToken(token));
  if (!result.ok) return result;
  const params = new URLSearchParams({
    callbackUrl: `/${locale}/p/${result.tenantSlug}`,
    token: result.signInToken,
    email: result.email,
  });
  return { ok: true, signInPath: `/api/auth/callback/email?${params}`, tenantSlug: result.tenantSlug, email: result.email };
}
