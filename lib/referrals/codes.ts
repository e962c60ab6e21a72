import type { ReferralStatus } from "@/lib/db/generated/enums";

// The referral vocabulary. Each code is stored as-is and doubles as its i18n key in `referrals`.

/** Statuses staff work with; drafts belong to the partner until submitted. */
export const pipelineStatuses = [
  "submitted", "in_review", "qualified", "in_negotiation", "won", "lost", "rejected",
] as const satisfies readonly ReferralStatus[];

export const referralStatuses = ["draft", ...pipelineStatuses] as const satisfies readonly ReferralStatus[];

export const rejectReasons = ["duplicate", "not_a_fit", "no_consent", "unreachable"] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const relationships = ["knows_personally", "worked_together", "acquaintance", "cold"] as const;
export const contactChannels = ["email", "telegram", "phone"] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const duplicateReasons = ["already_referred", "already_client"] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** Currencies a deal can be recorded in: the markets' own plus the usual settlement ones. */
export const dealCurrencies = ["USD", "RUB", "EUR", "KZT", "AMD", "GEL", "AED"] as const;
export type DealCurrency = (typeof dealCurrencies)[number];

export const MAX_PLATFORMS = 4;
/** Characters a partner must write about why the subject fits, before submitting. */
export const MIN_FIT_REASON = 20;
