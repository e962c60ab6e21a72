import type { TFunction } from "i18next";
import type { z } from "zod";
import { createI18n } from "@/lib/i18n/instance";
import { negotiateLocale, type Locale } from "@/lib/i18n/settings";
import { issueToMessage, type Message } from "@/lib/kernel/form";

// API error messages come from the `errors` namespace, in the language of Accept-Language
// (en or ru). A fixed-language `t` per locale is immutable, so two are kept for the process.
const translators = new Map<Locale, TFunction>();

export function apiTranslator(acceptLanguage: string | null): TFunction {
  const locale = negotiateLocale(acceptLanguage);
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).getFixedT(locale, "errors");
    translators.set(locale, t);
  }
  return t;
}

/** Like the forms' mapping, but keeps this API's own `apikeys.*` keys and names unknown fields. */
function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message?.startsWith("apikeys.")) return { key: issue.message };
  if (issue.code === "unrecognized_keys") return { key: "apikeys.unknown_field" };
  return issueToMessage(issue);
}

/** `{ "amount_minor": "Required for revenue…" }` — one translated message per field path. */
export function fieldMessages(error: z.ZodError, t: TFunction, prefix: (string | number)[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const message = issueMessage(issue);
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const name = [...prefix, ...path].join(".") || "_body";
      fields[name] ??= t(message.key, message.values);
    }
  }
  return fields;
}
