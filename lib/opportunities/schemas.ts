import { z } from "zod";
import { parseDayInput } from "@/lib/kernel/day-input";
import { platformRow } from "@/lib/directory/schemas";
import { markets, platformCodes } from "@/lib/directory/platforms";
import { parseList } from "@/lib/directory/normalize";
import type { Market } from "@/lib/db/generated/enums";
import { dealCurrencies } from "@/lib/referrals/codes";
import { parseMoneyToMinor } from "@/lib/kernel/money";
import { parseShorthandMinor, parseShorthandNumber, shorthandErrorKey } from "@/lib/kernel/shorthand";
import { websiteIdentity } from "@/lib/referrals/subject-keys";
import { checkbox, checkboxGroup, countryCode, optionalChoice, optionalText, requiredEmail } from "@/lib/kernel/fields";
import { MAX_OPT_IN_PLATFORMS, MAX_PITCH, opportunitySides, opportunityStatuses } from "./codes";

const GROUP = /[\s\u00a0\u202f,.'’]/g;

/** "12 500" / "12,500" → 12500; empty → null; "abc" → "Enter a whole number." */
const count = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => {
      if (!v) return null;
      const digits = v.replace(GROUP, "");
      return /^\d{1,15}$/.test(digits) ? Number(digits) : Number.NaN;
    })
    .pipe(z.number({ error: (issue) => (issue.code === "invalid_type" ? "whole_number" : undefined) }).int().min(0).max(max).nullable());

/** An audience size: «120 тыс.», "1.5M", «120 000» → a whole number; empty → null. */
const audience = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const parsed = parseShorthandNumber(v, undefined, 2_000_000_000);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: shorthandErrorKey(parsed.error, "whole_number") });
    return z.NEVER;
  });

const requiredId = (message: string) =>
  z.string().optional().transform((v) => v?.trim() ?? "").pipe(z.string().min(1, { message }).max(64));

const market = z.enum(markets, { message: "market_required" });

/** «31.12.2026», "12/31/2026" or "2026-12-31" → that day at 00:00 UTC (a calendar date); empty → null. */
const dateField = optionalText(10).transform((v, ctx) => {
  if (!v) return null;
  const day = parseDayInput(v);
  if (day) return new Date(`${day}T00:00:00Z`);
  ctx.addIssue({ code: "custom", message: "date_format" });
  return z.NEVER;
});

const fields = z.object({
  programId: requiredId("program_required"),
  side: z.enum(opportunitySides, { message: "invalid_choice" }),
  sourceMarket: market,
  targetMarket: market,
  platforms: checkboxGroup(z.string()).pipe(z.array(z.enum(platformCodes, { message: "invalid_choice" })).max(platformCodes.length)),
  niches: z.string().max(500).optional().transform((v) => parseList(v, 10)),
  audienceMin: audience,
  audienceMax: audience,
  budgetMin: optionalText(40),
  budgetMax: optionalText(40),
  budgetCurrency: optionalChoice(dealCurrencies),
  prepaymentPercent: count(100),
  netDays: count(365),
  barter: checkbox.optional().default(false),
  deadline: dateField,
  slots: count(1000).transform((v) => v ?? 1).pipe(z.number().min(1)),
  titleEn: optionalText(160),
  titleRu: optionalText(160),
  descriptionEn: optionalText(4000),
  descriptionRu: optionalText(4000),
});
type Fields = z.output<typeof fields>;

const isCurrency = (v: unknown): v is (typeof dealCurrencies)[number] => (dealCurrencies as readonly unknown[]).includes(v);
/** A budget in minor units, shorthand allowed («450 тыс.»); null when empty or not an amount. */
const minor = (raw: unknown, currency: unknown) => {
  if (typeof raw !== "string" || !raw || !isCurrency(currency)) return null;
  const parsed = parseShorthandMinor(raw, currency);
  return parsed.ok ? parsed.value : null;
};

/**
 * Rules across fields. They run even when another field is wrong (`when`), so the form lists every
 * mistake at once; a value that failed its own check is skipped here.
 */
function crossChecks(v: Fields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
  if (!v.titleEn && !v.titleRu) issue("titleEn", "title_required");
  if (v.descriptionEn && !v.titleEn) issue("titleEn", "description_needs_title");
  if (v.descriptionRu && !v.titleRu) issue("titleRu", "description_needs_title");
  if (typeof v.audienceMin === "number" && typeof v.audienceMax === "number" && v.audienceMin > v.audienceMax) issue("audienceMax", "audience_range_invalid");
  if ((v.budgetMin || v.budgetMax) && !v.budgetCurrency) issue("budgetCurrency", "budget_currency_required");
  if (!isCurrency(v.budgetCurrency)) return;
  const low = minor(v.budgetMin, v.budgetCurrency);
  const high = minor(v.budgetMax, v.budgetCurrency);
  if (v.budgetMin && low === null) issue("budgetMin", "money_invalid");
  if (v.budgetMax && high === null) issue("budgetMax", "money_invalid");
  if (low !== null && high !== null && low > high) issue("budgetMax", "budget_range_invalid");
}

/** The staff form, checked and turned into columns: money in minor units, the deadline a UTC date. */
export const opportunityInput = fields.superRefine(crossChecks, { when: (payload) => typeof payload.value === "object" && payload.value !== null }).transform((v) => {
  const { budgetMin, budgetMax, ...rest } = v;
  const hasBudget = !!(budgetMin || budgetMax);
  return {
    ...rest,
    platforms: [...new Set(v.platforms)],
    budgetMinMinor: minor(budgetMin, v.budgetCurrency),
    budgetMaxMinor: minor(budgetMax, v.budgetCurrency),
    budgetCurrency: hasBudget ? (v.budgetCurrency ?? null) : null,
  };
});
export type OpportunityInput = z.output<typeof opportunityInput>;

export const opportunityStatusInput = z.object({ to: z.enum(opportunityStatuses, { message: "invalid_choice" }) });

// ---------------------------------------------------------------- list filters from the URL

const page = z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1);

/** "RU-US" in the URL: source market → target market; anything else is no filter. */
const pair = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => {
    const [source, target] = (v ?? "").split("-");
    const ok = (m: string | undefined): m is Market => !!m && (markets as readonly string[]).includes(m);
    return ok(source) && ok(target) ? { source, target } : undefined;
  });

/** Staff list: by status and market pair. Junk values fall back to no filter. */
export const opportunityListQuery = z.object({
  status: z.enum(opportunityStatuses).optional().catch(undefined),
  pair,
  page,
});
export type OpportunityListQuery = z.output<typeof opportunityListQuery>;

/** Public board filters. A budget filter applies in one currency only: nothing is converted silently. */
export const boardQuery = z
  .object({
    pair,
    platform: z.enum(platformCodes).optional().catch(undefined),
    niche: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
    budget: z.string().trim().max(30).optional().catch(undefined),
    currency: z.enum(dealCurrencies).optional().catch(undefined),
    page,
  })
  .transform((v) => {
    const budgetMinor = v.budget && v.currency ? parseMoneyToMinor(v.budget, v.currency) : null;
    return { ...v, niche: v.niche || undefined, budget: budgetMinor !== null ? v.budget : undefined, budgetMinor: budgetMinor ?? undefined };
  });
export type BoardQuery = z.output<typeof boardQuery>;

export function pairParam(p: { source: string; target: string } | undefined): string | undefined {
  return p ? `${p.source}-${p.target}` : undefined;
}

// ---------------------------------------------------------------- the public opt-in form

const website = optionalText(300).refine((v) => v === null || websiteIdentity(v) !== null, { message: "website_invalid" });

type OptInPlatformRow = z.output<typeof platformRow>;

/** Each platform once: the second row naming a platform is the one marked. */
function noDuplicatePlatforms(rows: OptInPlatformRow[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  rows.forEach((p, i) => {
    if (!p) return;
    if (seen.has(p.platform)) ctx.addIssue({ code: "custom", message: "platform_duplicate", path: [i, "platform"] });
    seen.add(p.platform);
  });
}

/** A brand or creator opting in. `homepage` is a honeypot: people never see it, bots fill it. */
export const optInInput = z
  .object({
    kind: z.enum(["brand", "creator"], { message: "invalid_choice" }),
    name: z.string().trim().min(1).max(120),
    market,
    country: countryCode,
    website,
    platforms: z.array(platformRow).max(MAX_OPT_IN_PLATFORMS).optional().default([]).superRefine(noDuplicatePlatforms),
    contactName: optionalText(120),
    contactEmail: requiredEmail,
    pitch: optionalText(MAX_PITCH),
    consent: z.literal("yes", { message: "consent_required" }),
    homepage: z.string().max(500).optional(),
  })
  .refine((v) => !!v.website || v.platforms.some((p) => p !== null), {
    message: "opt_in_identity_required",
    path: ["website"],
    // Said together with the other mistakes, unless the website or accounts are themselves wrong.
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === "website" || i.path?.[0] === "platforms"),
  })
  .transform((v) => ({ ...v, platforms: v.platforms.filter((p) => p !== null) }));
export type OptInInput = z.output<typeof optInInput>;

/** Where a save error belongs on the opportunity form. */
export const opportunityErrorField: Record<string, string> = {
  opportunity_program_unavailable: "programId",
  source_market_not_in_program: "sourceMarket",
  target_market_not_in_program: "targetMarket",
};
