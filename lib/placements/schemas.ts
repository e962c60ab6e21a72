import { z } from "zod";
import { optionalRknNumber } from "@/lib/directory/rkn-number";
import { optionalChoice, optionalText } from "@/lib/kernel/fields";
import { parseShorthandMinor, shorthandErrorKey } from "@/lib/kernel/shorthand";
import { currencyCodes } from "@/lib/kernel/currencies";
import { audienceMarkets, placementPlatforms } from "./codes";
import { placementStatuses, type PlacementMoveInput } from "./state-machine";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day typed as YYYY-MM-DD (the date input), as midnight UTC; "date_invalid" otherwise. */
const day = (required: boolean) =>
  z.string().trim().optional().transform((v, ctx) => {
    if (!v) {
      if (required) ctx.addIssue({ code: "custom", message: "required" });
      return null;
    }
    const d = ISO_DAY.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "date_invalid" });
      return z.NEVER;
    }
    return d;
  });

/** An optional http(s) URL; empty becomes null. */
const optionalUrl = z.string().trim().max(2000).optional().transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), { message: "invalid_url" });

/** A non-negative whole number typed with or without spaces ("12 500"); empty becomes null. */
const optionalCount = z.string().trim().max(20).optional().transform((v, ctx) => {
  const digits = (v ?? "").replace(/[\s\u00a0\u202f]/g, "");
  if (!digits) return null;
  if (!/^\d{1,10}$/.test(digits) || Number(digits) > 2_000_000_000) {
    ctx.addIssue({ code: "custom", message: "placement_count_invalid" });
    return z.NEVER;
  }
  return Number(digits);
});

/** An erid as an ОРД issues it: letters and digits, 1–64 characters; empty becomes null. */
const erid = z.string().trim().max(64).optional().transform((v) => v || null)
  .refine((v) => v === null || /^[A-Za-z0-9]+$/.test(v), { message: "placement_erid_invalid" });

/** The compliance facts staff enter (or the ОРД fills in later): also part of the create form. */
const complianceShape = {
  channelSubscribers: optionalCount,
  rknRegistryNumber: optionalRknNumber,
  erid,
  disclosureText: optionalText(500),
};

export const complianceForm = z.object(complianceShape);
export type ComplianceInput = z.output<typeof complianceForm>;

/** Staff creating a placement from a won referral or an accepted opt-in (exactly one names the source). */
export const createPlacementForm = z
  .object({
    referralId: optionalText(64),
    optInId: optionalText(64),
    brandId: z.string().trim().min(1, { message: "placement_brand_required" }).max(64),
    creatorId: optionalText(64),
    platform: optionalChoice(placementPlatforms).refine((v) => !!v, { message: "required" }),
    channel: z.string().trim().min(1).max(300),
    audienceMarket: optionalChoice(audienceMarkets).refine((v) => !!v, { message: "required" }),
    plannedOn: day(true),
    creativeText: z.string().trim().min(1).max(5000),
    mediaUrls: z.string().max(5000).optional().transform((v, ctx) => {
      const urls = (v ?? "").split(/\s+/).map((s) => s.trim()).filter(Boolean);
      if (urls.length > 20) ctx.addIssue({ code: "custom", message: "too_many_items" });
      if (urls.some((u) => !/^https?:\/\/\S+$/i.test(u) || u.length > 2000)) ctx.addIssue({ code: "custom", message: "invalid_url" });
      return urls;
    }),
    price: z.string().trim().min(1).max(40),
    currency: z.string().trim().toUpperCase().refine((c) => currencyCodes().includes(c), { message: "invalid_choice" }),
    trackedLinkId: optionalText(64),
    ...complianceShape,
  })
  .transform((v, ctx) => {
    if (!v.referralId === !v.optInId) {
      ctx.addIssue({ code: "custom", message: "placement_source_required", path: ["referralId"] });
      return z.NEVER;
    }
    const price = parseShorthandMinor(v.price, v.currency);
    if (!price.ok) {
      ctx.addIssue({ code: "custom", message: shorthandErrorKey(price.error, "money_invalid"), path: ["price"] });
      return z.NEVER;
    }
    if (price.value < 0n) {
      ctx.addIssue({ code: "custom", message: "money_invalid", path: ["price"] });
      return z.NEVER;
    }
    const { price: _typed, ...rest } = v;
    return { ...rest, platform: v.platform!, audienceMarket: v.audienceMarket!, plannedOn: v.plannedOn!, priceMinor: price.value };
  });
export type CreatePlacementInput = z.output<typeof createPlacementForm>;

/** A staff move; which inputs it needs is the state machine's decision (./state-machine.ts). */
export const placementMoveForm = z
  .object({
    to: optionalChoice(placementStatuses),
    note: optionalText(2000),
    postUrl: optionalUrl,
    publishedOn: day(false),
    proofUrl: optionalUrl,
  })
  .transform((v, ctx): PlacementMoveInput => {
    if (!v.to) {
      ctx.addIssue({ code: "custom", message: "transition_required", path: ["to"] });
      return z.NEVER;
    }
    return { to: v.to, note: v.note, postUrl: v.postUrl, publishedOn: v.publishedOn, proofUrl: v.proofUrl };
  });

/** Where a state-machine error belongs on the move form. */
export const placementMoveErrorField: Record<string, string> = {
  placement_post_url_required: "postUrl",
  placement_published_on_required: "publishedOn",
  placement_published_on_future: "publishedOn",
};

/** The list's filter. */
export const placementListQuery = z.object({
  status: optionalChoice(placementStatuses).catch(undefined),
});

/** The owner editing a rule: its dates, whether it only warns, the threshold, and where it comes from. */
export const platformRuleForm = z
  .object({
    effectiveFrom: day(true),
    effectiveTo: day(false),
    warnOnly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    threshold: optionalCount,
    source: z.string().trim().min(1).max(300),
    sourceUrl: optionalUrl,
  })
  .transform((v, ctx) => {
    if (v.effectiveTo && v.effectiveFrom && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: "custom", message: "placement_rule_dates_invalid", path: ["effectiveTo"] });
      return z.NEVER;
    }
    return { ...v, effectiveFrom: v.effectiveFrom! };
  });
export type PlatformRuleInput = z.output<typeof platformRuleForm>;
