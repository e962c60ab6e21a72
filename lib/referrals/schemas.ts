import { z } from "zod";
import { markets, platformCodes } from "@/lib/directory/platforms";
import type { Market, ReferralKind } from "@/lib/db/generated/enums";
import { resolveCountry } from "@/lib/kernel/countries";
import { checkbox, isEmail, optionalChoice, optionalText } from "@/lib/kernel/fields";
import { contactChannels, MAX_PLATFORMS, MIN_FIT_REASON, relationships, type ContactChannel } from "./codes";
import { handleIdentity, websiteIdentity } from "./subject-keys";

const platformRow = z.object({
  platform: z.string().optional(),
  handle: z.string().trim().max(200).optional(),
});

const fields = z.object({
  kind: optionalChoice(["brand", "creator"] as const),
  subjectName: optionalText(120),
  market: optionalChoice(markets),
  country: optionalText(60),
  website: optionalText(300),
  platforms: z.array(platformRow).max(MAX_PLATFORMS).optional().default([]),
  contactName: optionalText(120),
  contactChannel: optionalChoice(contactChannels),
  contactValue: optionalText(200),
  programId: optionalText(64),
  opportunityId: optionalText(64),
  targetMarket: optionalChoice(markets),
  relationship: optionalChoice(relationships),
  fitReason: optionalText(2000),
  consent: checkbox.optional().default(false),
});

export type Relationship = (typeof relationships)[number];

/** A referral as the domain receives it. Drafts may leave the contact and pitch fields empty. */
export type ReferralInput = {
  kind: ReferralKind;
  subjectName: string;
  sourceMarket: Market;
  country: string | null;
  website: string | null;
  platforms: { platform: string; handle: string }[];
  contactName: string | null;
  contactChannel: ContactChannel | null;
  contactValue: string | null;
  programId: string;
  /** A referral to a specific open opportunity (still a direct referral, linked to it). */
  opportunityId?: string | null;
  targetMarket: Market;
  relationship: Relationship | null;
  fitReason: string | null;
  consentToIntro: boolean;
};

const TELEGRAM = /^[a-z][a-z0-9_]{4,31}$/i;

/** A contact value checked and tidied for its channel, or an i18n error key. */
export function normalizeContact(channel: ContactChannel, raw: string): { value: string } | { error: string } {
  if (channel === "email") {
    const value = raw.toLowerCase();
    return isEmail(value) ? { value } : { error: "invalid_email" };
  }
  if (channel === "telegram") {
    const handle = raw.replace(/^(https?:\/\/)?(www\.)?(t\.me|telegram\.me)\//i, "").replace(/^@/, "").replace(/\/+$/, "");
    return TELEGRAM.test(handle) ? { value: `@${handle}` } : { error: "telegram_invalid" };
  }
  const digits = raw.replace(/[\s().-]/g, "");
  return /^\+?\d{7,15}$/.test(digits) ? { value: raw.replace(/\s+/g, " ") } : { error: "phone_invalid" };
}

type Mode = "draft" | "submit";

function referralInput(mode: Mode) {
  return fields.transform((v, ctx): ReferralInput => {
    let failed = false;
    const issue = (path: string | (string | number)[], message: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", message, path: Array.isArray(path) ? path : [path] });
    };
    const need = (key: keyof typeof v, ok: boolean) => ok || issue(key, "required");

    need("kind", !!v.kind);
    need("subjectName", !!v.subjectName);
    if (!v.market) issue("market", "market_required");
    need("programId", !!v.programId);
    if (!v.targetMarket) issue("targetMarket", "market_required");

    const country = v.country ? resolveCountry(v.country) : null;
    if (v.country && !country) issue("country", "country_unknown");
    if (v.website && !websiteIdentity(v.website)) issue("website", "website_invalid");

    const platforms: { platform: string; handle: string }[] = [];
    v.platforms.forEach((row, i) => {
      if (!row.platform && !row.handle) return;
      if (!row.platform || !(platformCodes as readonly string[]).includes(row.platform)) return issue(["platforms", i, "platform"], "platform_required");
      if (!row.handle || !handleIdentity(row.handle)) return issue(["platforms", i, "handle"], "handle_required");
      if (platforms.some((p) => p.platform === row.platform)) return issue(["platforms", i, "platform"], "platform_duplicate");
      platforms.push({ platform: row.platform, handle: row.handle });
    });

    let contactValue = v.contactValue;
    if (contactValue && !v.contactChannel) issue("contactChannel", "contact_channel_required");
    if (contactValue && v.contactChannel) {
      const contact = normalizeContact(v.contactChannel, contactValue);
      if ("error" in contact) issue("contactValue", contact.error);
      else contactValue = contact.value;
    }

    if (mode === "submit") {
      if (!v.website && platforms.length === 0) issue("website", "subject_identity_required");
      need("contactName", !!v.contactName);
      need("contactChannel", !!v.contactChannel);
      need("contactValue", !!v.contactValue);
      need("relationship", !!v.relationship);
      if ((v.fitReason?.length ?? 0) < MIN_FIT_REASON) issue("fitReason", "fit_reason_too_short");
      if (!v.consent) issue("consent", "intro_consent_required");
    }
    if (failed) return z.NEVER;
    return {
      kind: v.kind!,
      subjectName: v.subjectName!,
      sourceMarket: v.market!,
      country,
      website: v.website,
      platforms,
      contactName: v.contactName,
      contactChannel: v.contactChannel ?? null,
      contactValue,
      programId: v.programId!,
      opportunityId: v.opportunityId,
      targetMarket: v.targetMarket!,
      relationship: v.relationship ?? null,
      fitReason: v.fitReason,
      consentToIntro: v.consent,
    };
  });
}

export const referralDraftInput = referralInput("draft");
export const referralSubmitInput = referralInput("submit");

/** Where a submission error belongs on the referral form. */
export const submissionErrorField: Record<string, string> = {
  program_unavailable: "programId",
  target_market_not_in_program: "targetMarket",
};
