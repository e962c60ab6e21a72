import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { cookieMaxAgeSeconds, decideRefCookie, normalizeRefCode, readRefCookie, refCookieName, signRefCookie } from "./attribution";
import { findShareTerms, isCreditableInAny } from "./public-board";
import { attributionSecret } from "./secret";

export type RefCookie = { name: string; value: string; maxAge: number };

/**
 * A visit through a partner's share link (`?ref=CODE`). Returns the cookie to set, or null: for an
 * unknown, suspended or unenrolled partner, a code of another agency, or (first click) when an
 * earlier valid claim must be kept. Nothing is stored in the database for a visit.
 */
export async function shareVisitCookie(input: { slug: string; opportunityId: string | null; code: string; existingCookie: string | undefined; now?: Date }): Promise<RefCookie | null> {
  const secret = attributionSecret();
  const code = normalizeRefCode(input.code);
  if (!secret || !code) return null;
  const tenant = await resolvePublicContext(input.slug);
  const terms = tenant ? await findShareTerms(tenant, code, input.opportunityId) : null;
  if (!tenant || !terms) return null;
  const now = input.now ?? new Date();
  const existing = readRefCookie(input.slug, input.existingCookie, secret);
  // Only first click looks at the earlier claim, so only then is its partner checked.
  const existingCreditable = terms.attributionModel === "first_click" && existing !== null
    && (existing.code === code || (await isCreditableInAny(tenant, terms.programIds, existing.code)));
  const decision = decideRefCookie({ model: terms.attributionModel, incomingCode: code, existing, existingCreditable, windowDays: terms.attributionWindowDays, now });
  if (decision.action === "keep") return null;
  return { name: refCookieName(input.slug), value: signRefCookie(input.slug, decision.claim, secret), maxAge: cookieMaxAgeSeconds(terms.attributionWindowDays) };
}
