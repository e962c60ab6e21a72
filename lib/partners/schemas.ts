import { z } from "zod";
import { markets } from "@/lib/directory/platforms";
import { locales } from "@/lib/i18n/settings";
import { checkboxGroup, countryCode, optionalText, requiredEmail } from "@/lib/kernel/fields";
import { partnerActions, partnerStatuses } from "./status-transitions";
import { trustTiers } from "./trust-tiers";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

const name = z.string().trim().min(1).max(120);
const market = z.enum(markets, { message: "market_required" });
const language = z.enum(locales, { message: "invalid_choice" });

// Checkbox group `programIds[]`: de-duplicated ids.
const idList = checkboxGroup(z.string())
  .pipe(z.array(z.string().trim().min(1).max(40)).max(20))
  .transform((ids) => [...new Set(ids)]);

export const invitePartnerInput = z.object({
  name,
  email: requiredEmail,
  market,
  country: countryCode,
  language,
  programIds: idList,
  tier: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(trustTiers, { message: "invalid_choice" }).optional()),
});
export type InvitePartnerInput = z.output<typeof invitePartnerInput>;

// The form field is "transition", not "action": a control named "action" would shadow form.action in the DOM.
export const statusChangeInput = z
  .object({
    transition: z.enum(partnerActions, { message: "invalid_choice" }),
    reason: optionalText(500),
  })
  .transform(({ transition, reason }) => ({ action: transition, reason }));
export type StatusChangeInput = z.output<typeof statusChangeInput>;

export const tierInput = z.object({ tier: z.enum(trustTiers, { message: "invalid_choice" }) });
export const notesInput = z.object({ notes: optionalText(4000) });
export const enrolmentInput = z.object({ programId: z.string().trim().min(1, { message: "program_required" }).max(40) });

/** The public application form of an open program. `website` is a honeypot: people never see it. */
export const applicationInput = z.object({
  name,
  email: requiredEmail,
  market,
  country: countryCode,
  language,
  pitch: z.string().trim().min(20).max(1000),
  consent: z.literal("yes", { message: "consent_required" }),
  website: z.string().max(500).optional(),
});
export type ApplicationInput = z.output<typeof applicationInput>;

export const partnerListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(partnerStatuses).optional().catch(undefined),
  market: z.enum(markets).optional().catch(undefined),
  tier: z.enum(trustTiers).optional().catch(undefined),
  program: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type PartnerListQuery = z.output<typeof partnerListQuery>;

/** URL search params → a valid list query; junk values fall back to defaults instead of erroring. */
export function parsePartnerListQuery(searchParams: SearchParams): PartnerListQuery {
  return partnerListQuery.parse(flattenSearchParams(searchParams, { blankAsMissing: true }));
}
