import { z } from "zod";

/**
 * C0 control characters other than tab, LF and CR, and DEL: never typed by a person, and NUL is
 * refused by PostgreSQL (error 22021). Lone UTF-16 surrogates cannot be stored as UTF-8 either.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** A string without control characters (message key `control_characters` in the `errors` namespace). */
export const cleanString = () => z.string().refine((value) => !hasControlCharacters(value), { message: "control_characters" });

/** The first key of `record` whose value has control characters, if any (a CSV row's cells by column). */
export function controlCharacterKey(record: Record<string, string | undefined>): string | undefined {
  return Object.keys(record).find((key) => hasControlCharacters(key) || hasControlCharacters(record[key] ?? ""));
}
