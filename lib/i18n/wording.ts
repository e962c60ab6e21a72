// Wording checks run by `npm run i18n:check` (issue 15 §4): Russian strings must not carry Latin-script
// words outside lib/i18n/latin-allow-list.ts, no string may name a glossary concept by a forbidden
// synonym (lib/i18n/glossary.ts), and no string may be an internal code (`run_approved`,
// `payouts.run_approved`, `PayoutRun`) shown to people as if it were text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { glossary, type Concept } from "./glossary";
import { latinAllowedKeys, latinAllowedWords } from "./latin-allow-list";

type Json = { [key: string]: string | Json };

/** What a person does not read as words: placeholders, markup, addresses, file names. */
const NOT_PROSE = [
  /\{\{[^}]*\}\}/g, // i18next placeholders
  /<\/?[A-Za-z0-9]+[^>]*>/g, // <1>…</1> and quoted markup
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail addresses
  /\b[\w-]+(\.[\w-]+)*\.(ru|com|org|net|example|csv|asp|xlsx|json|xml)\b/g, // domains and file names
];
const LATIN_WORD = /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9]+)*/g;

/** The part of a string people read as words. */
export function prose(text: string): string {
  return NOT_PROSE.reduce((s, re) => s.replace(re, " "), text);
}

/** Latin-script words in a Russian string that the allow-list does not cover. */
export function latinWords(text: string, allowed: ReadonlySet<string> = latinAllowedWords): string[] {
  return [...new Set((prose(text).match(LATIN_WORD) ?? []).filter((w) => !allowed.has(w)))];
}

/** The glossary concepts a string names by a forbidden synonym, with the words that matched. */
export function forbiddenTerms(lng: string, key: string, text: string, concepts: Concept[] = glossary): string[] {
  const found: string[] = [];
  for (const concept of concepts) {
    if (concept.exempt?.includes(key)) continue;
    const patterns = lng === "ru" ? concept.forbiddenRu : lng === "en" ? concept.forbiddenEn : undefined;
    for (const pattern of patterns ?? []) {
      const match = prose(text).match(pattern);
      if (match) found.push(`«${match[0]}» — use «${lng === "ru" ? concept.ru : concept.en}» (${concept.id})`);
    }
  }
  return found;
}

const CODE = [
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/, // snake_case enum values: run_approved, in_review
  /^[a-z_]+(?:\.[a-z_]+)+$/, // dotted action names: payouts.run_approved
  /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/, // PascalCase model names: PayoutRun, SanctionsList
];

/** True when a whole string is an internal code rather than text (brand names such as TikTok are not). */
export function isInternalCode(text: string, allowed: ReadonlySet<string> = latinAllowedWords): boolean {
  const value = text.trim();
  return !allowed.has(value) && CODE.some((re) => re.test(value));
}

function flatten(obj: Json, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" ? flatten(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, string]]));
}

/** Wording problems in the catalogues under `dir`. */
export function checkWording(dir: string): string[] {
  const problems: string[] = [];
  for (const lng of readdirSync(dir).filter((d) => !d.startsWith("."))) {
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith(".json"))) {
      const ns = file.replace(/\.json$/, "");
      for (const [path, value] of flatten(JSON.parse(readFileSync(join(dir, lng, file), "utf8")) as Json)) {
        const key = `${ns}:${path}`;
        if (isInternalCode(value)) problems.push(`${lng}: ${key} shows an internal code to people: "${value}"`);
        for (const term of forbiddenTerms(lng, key, value)) problems.push(`${lng}: ${key} ${term}`);
        if (lng === "ru" && !latinAllowedKeys.some((prefix) => key.startsWith(prefix))) {
          const words = latinWords(value);
          if (words.length) problems.push(`ru: ${key} has Latin-script words outside lib/i18n/latin-allow-list.ts: ${words.join(", ")}`);
        }
      }
    }
  }
  return problems;
}
