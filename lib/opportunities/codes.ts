import type { OpportunitySide, OpportunityStatus, ReferralKind } from "@/lib/db/generated/enums";

// The opportunity vocabulary. Each code is stored as-is and doubles as its i18n key in `opportunities`.

export const opportunitySides = ["brand_seeks_creators", "creator_seeks_brands"] as const satisfies readonly OpportunitySide[];
export const opportunityStatuses = ["draft", "open", "closed", "filled"] as const satisfies readonly OpportunityStatus[];

/** Who may opt in: a brand that seeks creators hears from creators, and the other way round. */
export function optInKind(side: OpportunitySide): ReferralKind {
  return side === "brand_seeks_creators" ? "creator" : "brand";
}

/** Platform accounts a brand or creator can list when opting in. */
export const MAX_OPT_IN_PLATFORMS = 4;
export const MAX_PITCH = 1000;

/**
 * The version of the consent wording on the opt-in form (`board:optIn.consent`). Change it together
 * with the wording in both languages: each opt-in stores the version and the exact text it showed.
 */
export const BOARD_CONSENT_VERSION = "board-consent-2026-11";

/** The month a consent version took effect ("board-consent-2026-11" → 1 Nov 2026), to show people a date, not the code. */
export function consentVersionDate(version: string): Date | null {
  const m = /-(\d{4})-(\d{2})$/.exec(version);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1, 12)) : null; // noon: the same day in any time zone
}

/** A platform account as an opt-in stores it in `OptIn.platforms` (JSON). */
export type OptInPlatform = { platform: string; handle: string; handleNormalized: string; audienceSize: number };

/** OptIn.platforms as stored by this module; anything malformed is dropped. */
export function storedOptInPlatforms(value: unknown): OptInPlatform[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) =>
    row && typeof row === "object" && typeof row.platform === "string" && typeof row.handle === "string"
      ? [{
          platform: row.platform,
          handle: row.handle,
          handleNormalized: typeof row.handleNormalized === "string" ? row.handleNormalized : row.handle.toLowerCase(),
          audienceSize: Number.isSafeInteger(row.audienceSize) ? row.audienceSize : 0,
        }]
      : [],
  );
}
