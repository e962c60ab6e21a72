import { z } from "zod";
import { checkboxGroup, countryCode, optionalChoice, optionalEmail, optionalText } from "@/lib/kernel/fields";
import { parseShorthandNumber, shorthandErrorKey } from "@/lib/kernel/shorthand";
import { languages, markets, platformCodes } from "./platforms";
import { creatorLegalStatuses } from "./legal-status";
import { normalizeHandle, normalizeWebsite, parseList } from "./normalize";
import { optionalRknNumber } from "./rkn-number";

const website = optionalText(300).refine((v) => {
  if (v === null) return true;
  try {
    return normalizeWebsite(v).includes(".");
  } catch {
    return false;
  }
}, { message: "website_invalid" });

const tagList = z
  .string()
  .max(500)
  .optional()
  .transform((v) => parseList(v, 10));

const base = {
  name: z.string().trim().min(1).max(120),
  market: z.enum(markets, { message: "market_required" }),
  country: countryCode,
  niches: tagList,
  languages: checkboxGroup(z.string()).pipe(z.array(z.enum(languages)).max(languages.length)),
  contactEmail: optionalEmail,
  notes: optionalText(2000),
};

export const brandInput = z.object({
  ...base,
  website,
  industry: optionalText(80),
  contactName: optionalText(120),
});
export type BrandInput = z.output<typeof brandInput>;

/** One platform row of a form (`platforms.0.platform` …): empty rows become null; the handle is normalised. */
export const platformRow = z
  .object({
    platform: z.string().optional(),
    handle: z.string().trim().max(200).optional(),
    audienceSize: z.string().trim().optional(),
    rknRegistryNumber: optionalRknNumber,
  })
  .transform((row, ctx) => {
    const empty = !row.platform && !row.handle && !row.audienceSize && !row.rknRegistryNumber;
    if (empty) return null;
    if (!row.platform || !(platformCodes as readonly string[]).includes(row.platform)) {
      ctx.addIssue({ code: "custom", message: "platform_required", path: ["platform"] });
      return z.NEVER;
    }
    const handle = row.handle ? normalizeHandle(row.handle) : "";
    if (!handle) {
      ctx.addIssue({ code: "custom", message: "handle_required", path: ["handle"] });
      return z.NEVER;
    }
    // «120 тыс.», "1.5M", «120 000»: see lib/kernel/shorthand.ts.
    const parsed = row.audienceSize ? parseShorthandNumber(row.audienceSize) : ({ ok: true, value: 0 } as const);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: shorthandErrorKey(parsed.error, "audience_invalid"), path: ["audienceSize"] });
      return z.NEVER;
    }
    const audience = parsed.value;
    return { platform: row.platform, handle: row.handle!.trim(), handleNormalized: handle, audienceSize: audience, rknRegistryNumber: row.rknRegistryNumber };
  });

export const creatorInput = z
  .object({
    ...base,
    legalStatus: optionalChoice(creatorLegalStatuses).transform((v) => v ?? null),
    partnerId: optionalText(64),
    platforms: z.array(platformRow).max(8).optional().default([]),
  })
  .transform((v) => ({ ...v, platforms: v.platforms.filter((p) => p !== null) }))
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.platforms.forEach((p, i) => {
      if (seen.has(p.platform)) ctx.addIssue({ code: "custom", message: "platform_duplicate", path: ["platforms", i, "platform"] });
      seen.add(p.platform);
    });
  });
export type CreatorInput = z.output<typeof creatorInput>;

export const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  market: z.enum(markets).optional().catch(undefined),
  status: z.enum(["active", "archived"]).optional().catch("active").default("active"),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type ListQuery = z.output<typeof listQuery>;
