import { z } from "zod";
import { typedDayToIso } from "@/lib/kernel/day-input";
import { markets } from "@/lib/directory/platforms";
import type { CommissionBasis, Market } from "@/lib/db/generated/enums";
import { isCurrencyCode } from "@/lib/fx/currency";
import { parseShorthandMinor } from "@/lib/kernel/shorthand";
import { resolveCurrency } from "@/lib/kernel/currencies";
import { checkboxGroup } from "@/lib/kernel/fields";
import type { Tier } from "./compute";

// Form schemas for commission rules and ledger actions (FormData: every field arrives as a string).
// Error messages are keys in the `errors` namespace (the `commissions` object there).

export const bases = ["revenue_share", "lead_bounty", "close_bounty", "deal_share"] as const satisfies readonly CommissionBasis[];
export const kinds = ["earning", "clawback", "adjustment"] as const;
export const statuses = ["pending", "approved", "paid", "void"] as const;
export const MAX_TIERS = 5;

const id = z.string().trim().min(1).max(40);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().optional());
const currency = z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "commissions.currency_invalid" });

/** A typed amount in minor units, shorthand allowed («450 тыс.», "1.5M"); null when not an amount. */
function toMinor(raw: string, currency: string): bigint | null {
  const parsed = parseShorthandMinor(raw, currency);
  return parsed.ok ? parsed.value : null;
}

const PERCENT = /^\d{1,3}(?:[.,]\d{1,2})?$/;

/** "12.5" / "12,50" → 1250 basis points; null when not a percent in 0–100 with at most 2 decimals. */
export function percentToBps(raw: string): number | null {
  const text = raw.trim().replace(/\s|%/g, "");
  if (!PERCENT.test(text)) return null;
  const [int, frac = ""] = text.split(/[.,]/);
  const bps = Number(int) * 100 + Number(frac.padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5" (for the edit form). */
export function bpsToPercent(bps: number): string {
  const frac = (bps % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return frac ? `${Math.floor(bps / 100)}.${frac}` : `${Math.floor(bps / 100)}`;
}

const tierRow = z.object({ minCount: text, value: text });

/** A whole number in [min, max] typed as text; null when it is not one. */
function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

const MARKETS: readonly string[] = markets;
const BASES: readonly string[] = bases;

// Every field is plain text at first and checked in one pass below, so a form gets all of its
// field errors at once (zod skips a transform when the object itself already failed).
export const ruleInput = z
  .object({
    programId: text, groupId: text, market: text, name: text, basis: text, percent: text, durationMonths: text,
    bounty: text, currency: text, cap: text, holdDays: text,
    tiers: z.array(tierRow.optional()).max(MAX_TIERS).optional(),
  })
  .transform((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (!v.programId || v.programId.length > 40) issue(["programId"], "required");
    if (v.groupId && v.groupId.length > 40) issue(["groupId"], "invalid_choice");
    if (v.market && !MARKETS.includes(v.market)) issue(["market"], "invalid_choice");
    if (!v.name) issue(["name"], "required");
    else if (v.name.length > 120) issue(["name"], "commissions.name_too_long");
    if (!v.basis || !BASES.includes(v.basis)) issue(["basis"], "commissions.basis_invalid");
    // A code or a name («рубль», "US Dollar"): the pickers post either.
    const code = resolveCurrency(v.currency ?? "") ?? (v.currency ?? "").toUpperCase();
    const currencyOk = isCurrencyCode(code);
    if (!currencyOk) issue(["currency"], v.currency ? "commissions.currency_invalid" : "required");
    const holdDays = v.holdDays ? wholeNumber(v.holdDays, 0, 365) : 30;
    if (holdDays === null) issue(["holdDays"], "commissions.hold_invalid");
    // Percent rules: revenue share (for N months) and the share of a referral's deal value (once).
    const share = v.basis === "revenue_share" || v.basis === "deal_share";
    const durationMonths = v.basis === "revenue_share" && v.durationMonths ? wholeNumber(v.durationMonths, 1, 120) : null;
    if (v.basis === "revenue_share" && v.durationMonths && durationMonths === null) issue(["durationMonths"], "commissions.duration_invalid");

    let percentBps: number | null = null;
    let amountMinor: bigint | null = null;
    if (share) {
      percentBps = v.percent ? percentToBps(v.percent) : null;
      if (percentBps === null) issue(["percent"], v.percent ? "commissions.percent_invalid" : "required");
    } else if (currencyOk) {
      amountMinor = v.bounty ? toMinor(v.bounty, code) : null;
      if (amountMinor === null) issue(["bounty"], v.bounty ? "commissions.amount_invalid" : "required");
    }
    const capMinor = v.cap && currencyOk ? toMinor(v.cap, code) : null;
    if (v.cap && currencyOk && (capMinor === null || capMinor === 0n)) issue(["cap"], "commissions.amount_invalid");

    const tiers: Tier[] = [];
    (v.tiers ?? []).forEach((row, i) => {
      if (!row || (!row.minCount && !row.value)) return;
      const minCount = row.minCount ? wholeNumber(row.minCount, 2, 100_000) : null;
      if (minCount === null) issue(["tiers", i, "minCount"], "commissions.tier_count_invalid");
      const value = row.value ?? "";
      if (share) {
        const bps = percentToBps(value);
        if (bps === null) issue(["tiers", i, "value"], "commissions.percent_invalid");
        else if (minCount !== null) tiers.push({ minCount, percentBps: bps });
      } else if (currencyOk) {
        const minor = toMinor(value, code);
        if (minor === null) issue(["tiers", i, "value"], "commissions.amount_invalid");
        else if (minCount !== null) tiers.push({ minCount, amountMinor: minor });
      }
    });
    if (new Set(tiers.map((t) => t.minCount)).size !== tiers.length) issue(["tiers"], "commissions.tier_duplicate");
    if (ctx.issues.length) return z.NEVER;
    return {
      programId: v.programId!,
      // Only for partners of this group of the program (checked against the program by createRule/updateRule).
      groupId: v.groupId || null,
      market: (v.market || null) as Market | null,
      name: v.name!,
      basis: v.basis as CommissionBasis,
      percentBps,
      durationMonths,
      amountMinor,
      currency: code,
      tiers: tiers.sort((a, b) => a.minCount - b.minCount),
      capMinor,
      holdDays: holdDays!,
    };
  });
export type RuleData = z.output<typeof ruleInput>;

/** "-12.50", "+1 000,00", "−5" → signed minor units; null when not an amount (or zero). */
export function parseSignedMoney(raw: string, currency: string): bigint | null {
  const text = raw.trim().replace(/^[−–]/, "-");
  const negative = text.startsWith("-");
  const minor = toMinor(text.replace(/^[-+]/, ""), currency);
  if (minor === null || minor === 0n) return null;
  return negative ? -minor : minor;
}

export const adjustmentInput = z
  .object({ partnerId: text, currency: text, amount: text, reason: text })
  .transform((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!v.partnerId || v.partnerId.length > 40) issue("partnerId", "required");
    const code = resolveCurrency(v.currency ?? "") ?? (v.currency ?? "").toUpperCase();
    if (!isCurrencyCode(code)) issue("currency", v.currency ? "commissions.currency_invalid" : "required");
    const amountMinor = v.amount && isCurrencyCode(code) ? parseSignedMoney(v.amount, code) : null;
    if (!v.amount) issue("amount", "required");
    else if (isCurrencyCode(code) && amountMinor === null) issue("amount", "commissions.amount_invalid");
    if (!v.reason) issue("reason", "required");
    else if (v.reason.length < 3 || v.reason.length > 500) issue("reason", "commissions.reason_length");
    if (ctx.issues.length) return z.NEVER;
    return { partnerId: v.partnerId!, currency: code, amountMinor: amountMinor!, reason: v.reason! };
  });
export type AdjustmentData = z.output<typeof adjustmentInput>;

export const selectionInput = z.object({ ids: checkboxGroup(id).refine((ids) => ids.length > 0 && ids.length <= 500, { message: "commissions.select_some" }) });

export const voidInput = z.object({
  ids: checkboxGroup(id).refine((ids) => ids.length > 0 && ids.length <= 500, { message: "commissions.select_some" }),
  reason: z.string().trim().min(3).max(500),
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Preview of a stored event (by id). */
export const previewEventInput = z.object({ eventId: id });

/** Preview of a hypothetical event. */
export const previewHypotheticalInput = z.object({
    programId: id,
    market: z.enum(markets, { message: "invalid_choice" }),
    type: z.enum(["lead", "close", "revenue", "refund"], { message: "invalid_choice" }),
    amount: text,
    currency: z.preprocess(blank, currency.optional()),
    occurredAt: z.preprocess(typedDayToIso, z.string().trim().regex(DAY, "commissions.date_invalid")),
  }).transform((v, ctx) => {
    // A close may carry the deal value (what "% of deal value" rules pay on); revenue and refunds must.
    const money = v.type === "revenue" || v.type === "refund" || (v.type === "close" && !!v.amount);
    const amountMinor = money && v.amount && v.currency ? toMinor(v.amount, v.currency) : null;
    if (money && !v.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "required" });
    if (money && v.currency && amountMinor === null) ctx.addIssue({ code: "custom", path: ["amount"], message: v.amount ? "commissions.amount_invalid" : "required" });
    const occurredAt = new Date(`${v.occurredAt}T12:00:00Z`);
    if (Number.isNaN(occurredAt.getTime())) ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "commissions.date_invalid" });
    if (ctx.issues.length) return z.NEVER;
    return { programId: v.programId, market: v.market as Market, type: v.type, amountMinor, currency: money ? v.currency! : null, occurredAt };
  });
export type HypotheticalEvent = z.output<typeof previewHypotheticalInput>;

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);

/** The ledger list's filters from the query string; anything malformed falls back to "any". */
export const ledgerQuery = z.object({
  status: opt(z.enum(statuses)),
  kind: opt(z.enum(kinds)),
  partner: opt(z.string().trim().max(40)),
  currency: opt(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/)),
  page,
});
export type LedgerQuery = z.output<typeof ledgerQuery>;
