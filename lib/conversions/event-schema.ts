import { z } from "zod";
import { cleanString } from "@/lib/kernel/text";
import { isPromoCode, normalizePromoCode } from "@/lib/promo-codes/code-format";

// The conversion API's event, as JSON sends it (snake_case). The parsed value keeps the same
// field names, with `occurred_at` as a Date and `amount_minor` as a bigint. Messages are keys in
// the `errors` namespace; ones specific to this API live under `apikeys.`.

export const eventTypes = ["lead", "close", "revenue", "refund"] as const;
export type EventType = (typeof eventTypes)[number];
/** Types that move money and so need an amount, a currency and a customer. */
const MONEY_TYPES: readonly EventType[] = ["revenue", "refund"];

const DAY_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(2000, 0, 1);
/** Printable ASCII without spaces: safe to log, to put in a URL and to compare byte for byte. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;
const MINOR_DIGITS = /^\d{1,15}$/;

let currencies: Set<string> | null = null;
/** ISO 4217 codes the runtime knows (Intl's list), so "RUR" or "usd" are refused. */
export function isIsoCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

/** Free text: no control characters (NUL would reach PostgreSQL as error 22021), trimmed, 1…max characters. */
const text = (max: number) => cleanString().trim().min(1).max(max);

const amountMinor = z
  .union([z.number(), z.string()], { message: "apikeys.amount_invalid" })
  .transform((value, ctx) => {
    if (typeof value === "number" ? Number.isSafeInteger(value) && value >= 0 : MINOR_DIGITS.test(value)) return BigInt(value);
    ctx.addIssue({ code: "custom", message: "apikeys.amount_invalid" });
    return z.NEVER;
  });

const occurredAt = z
  .string({ message: "apikeys.occurred_at_invalid" })
  .pipe(z.iso.datetime({ offset: true, message: "apikeys.occurred_at_invalid" }))
  .transform((value) => new Date(value))
  .refine((d) => d.getTime() >= EARLIEST, { message: "apikeys.occurred_at_too_old" })
  .refine((d) => d.getTime() <= Date.now() + DAY_MS, { message: "apikeys.occurred_at_future" });

export const eventInputSchema = z
  .strictObject({
    type: z.enum(eventTypes, { message: "apikeys.type_invalid" }),
    idempotency_key: z.string().min(1).max(200).regex(IDEMPOTENCY_KEY, { message: "apikeys.idempotency_key_invalid" }),
    occurred_at: occurredAt,
    customer_external_id: text(200).optional(),
    customer_name: text(200).optional(),
    amount_minor: amountMinor.optional(),
    currency: z.string().refine(isIsoCurrency, { message: "apikeys.currency_invalid" }).optional(),
    click_id: text(200).optional(),
    referral_id: text(64).optional(),
    // Case-insensitive; kept in capitals. A well-formed code that is unknown or deactivated is not an
    // error: the event is recorded without it (see attribute-event.ts).
    promo_code: z.string({ message: "apikeys.promo_code_invalid" }).max(64, { message: "apikeys.promo_code_invalid" })
      .refine(isPromoCode, { message: "apikeys.promo_code_invalid" }).transform(normalizePromoCode).optional(),
  })
  .superRefine((event, ctx) => {
    const money = MONEY_TYPES.includes(event.type);
    if (money && event.amount_minor === undefined) ctx.addIssue({ code: "custom", path: ["amount_minor"], message: "apikeys.amount_required" });
    if (money && event.currency === undefined) ctx.addIssue({ code: "custom", path: ["currency"], message: "apikeys.currency_required" });
    if (!money && event.amount_minor !== undefined) ctx.addIssue({ code: "custom", path: ["amount_minor"], message: "apikeys.amount_not_allowed" });
    if (!money && event.currency !== undefined) ctx.addIssue({ code: "custom", path: ["currency"], message: "apikeys.amount_not_allowed" });
    if (event.type !== "lead" && event.customer_external_id === undefined) {
      ctx.addIssue({ code: "custom", path: ["customer_external_id"], message: "apikeys.customer_required" });
    }
  });

export type EventInput = z.output<typeof eventInputSchema>;
export type EventJson = z.input<typeof eventInputSchema>;

/** The most events one request may carry (`{ "events": [...] }`). */
export const MAX_BATCH = 100;
