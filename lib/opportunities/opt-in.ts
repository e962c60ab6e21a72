import { clickCandidates } from "@/lib/attribution/click-cookies";
import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { claimForCredit, refCookieName } from "./attribution";
import { getPublicOpportunity } from "./board";
import { BOARD_CONSENT_VERSION } from "./codes";
import { createOptIn } from "./public-opt-ins";
import type { OptInInput } from "./schemas";
import { attributionSecret, hashIp } from "./secret";

export type OptInOutcome = "received" | "already_received";

/** The consent wording exactly as the form shows it, in the visitor's language. */
export function boardConsentText(locale: Locale, agency: string): string {
  return createI18n(locale).getFixedT(locale, "board")("optIn.consent", { agency });
}

export type OptInMeta = { locale: Locale; ip: string; cookies: { get(name: string): { value: string } | undefined }; now?: Date };

/**
 * A brand or creator opts in to an open opportunity on the public board. The consent is stored
 * as its own record: version, the exact text shown, the language and the time. An opt-in that
 * arrives through a partner's share link (a verified cookie inside the program's attribution
 * window) is credited to that partner if they are still active and enrolled. So is one that
 * arrives after a tracked-link click (`tw_fc`/`tw_lc` cookies) of the same program; when both
 * exist, the program's model (last or first click) picks by time, and the click id is kept.
 */
export async function submitOptIn(target: { slug: string; opportunityId: string }, input: OptInInput, meta: OptInMeta): Promise<OptInOutcome> {
  const now = meta.now ?? new Date();
  const tenant = await resolvePublicContext(target.slug);
  const opportunity = tenant ? await getPublicOpportunity(tenant, target.opportunityId, now) : null;
  if (!tenant || !opportunity) throw new NotFoundError();
  // Only bots fill the hidden field: they get the normal answer and nothing is stored.
  if (input.homepage) return "received";

  const cookie = meta.cookies.get(refCookieName(opportunity.tenant.slug))?.value;
  const claim = claimForCredit(opportunity.tenant.slug, cookie, attributionSecret(), opportunity.program.attributionWindowDays, now);
  // The tenant is the one the slug + open opportunity lookup found, never the cookie's.
  const clicks = await clickCandidates(tenant.db, opportunity.tenantId, opportunity.programId, meta.cookies, now);
  const result = await createOptIn(
    tenant,
    target.opportunityId,
    {
      kind: input.kind,
      name: input.name,
      market: input.market,
      country: input.country,
      website: input.website,
      platforms: input.platforms,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      pitch: input.pitch,
      locale: meta.locale,
      consentVersion: BOARD_CONSENT_VERSION,
      consentText: boardConsentText(meta.locale, opportunity.tenant.name),
      consentedAt: now,
      ipHash: hashIp(meta.ip),
    },
    claim,
    now,
    clicks,
  );
  if (result.ok) return "received";
  if (result.code === "already_received") return "already_received";
  if (result.code === "kind_mismatch") throw new DomainError("opt_in_kind_mismatch");
  throw new DomainError("opportunity_unavailable");
}
