import { z } from "zod";
import { markets } from "@/lib/directory/platforms";
import { optionalText } from "@/lib/kernel/fields";
import { customDestination } from "./destination";

const id = z.string().trim().min(1).max(40);
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
const optionalMarket = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(markets, { message: "market_required" }).optional());
const optionalDestination = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), customDestination.optional());

/** Staff create a link for any enrolled partner; they may give a custom destination and a label. */
export const staffLinkInput = z.object({
  partnerId: id,
  programId: id,
  opportunityId: optionalId,
  targetMarket: optionalMarket,
  destinationUrl: optionalDestination,
  label: optionalText(120),
});
export type StaffLinkInput = z.output<typeof staffLinkInput>;

/**
 * A partner creates a link for themselves: no partner id (it is theirs) and no custom destination
 * (see lib/links/create-link.ts for why).
 */
export const partnerLinkInput = z.object({
  programId: id,
  opportunityId: optionalId,
  targetMarket: optionalMarket,
  label: optionalText(120),
});
export type PartnerLinkInput = z.output<typeof partnerLinkInput>;

/** Staff edit a link's destination (empty = back to the default board page) and label. */
export const linkDestinationInput = z.object({
  destinationUrl: optionalDestination,
  label: optionalText(120),
});
export type LinkDestinationInput = z.output<typeof linkDestinationInput>;

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const status = z.enum(["active", "disabled", "all"]).catch("active");

/** The staff list's filters from the query string; anything malformed falls back to the default. */
export const linkListQuery = z.object({
  partner: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  program: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  status,
  page,
});
export type LinkListQuery = z.output<typeof linkListQuery>;
