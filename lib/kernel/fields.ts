import { z } from "zod";
import { resolveCountry } from "./countries";

// Field builders shared by the form schemas. FormData sends "" for an untouched field, so "empty"
// means absent. Error messages are i18n keys in the `errors` namespace.

/** Optional text, trimmed, at most `max` characters; empty becomes null. */
export const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null);

/** An optional choice from `values`; "" (nothing picked) becomes undefined. */
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());

/** A single checkbox: ticked ("on") is true, absent is false. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A checkbox group (`name[]`): FormData gives one value or several; here always an array. */
export const checkboxGroup = <T extends z.ZodType>(item: T, message?: string) =>
  z
    .union([item, z.array(item)], message)
    .optional()
    .transform((v): z.output<T>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * Optional country: a code or a name in any language the product speaks («США», "us",
 * "United States" → "US"); empty becomes null, a name of no country is "country_unknown".
 */
export const countryCode = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const code = resolveCountry(v);
    if (code) return code;
    ctx.addIssue({ code: "custom", message: "country_unknown" });
    return z.NEVER;
  });

export const isEmail = (value: string) => z.email().safeParse(value).success;

/** A required e-mail address, lower-cased: "required" when empty, "invalid_email" when malformed. */
export const requiredEmail = z.string().trim().toLowerCase().min(1).max(200).pipe(z.email({ message: "invalid_email" }));

/** An optional e-mail address, lower-cased; empty becomes null. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isEmail(v), { message: "invalid_email" });
