import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PLURAL = /_(zero|one|two|few|many|other)$/;
// CLDR plural categories each language must provide for a pluralised key.
const required: Record<string, string[]> = { en: ["one", "other"], ru: ["one", "few", "many", "other"] };

type Json = { [key: string]: string | Json };

function flatten(obj: Json, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** Problems with the catalogues in `dir`: keys present in one language only, incomplete plurals, empty strings. */
export function checkLocales(dir: string): string[] {
  const languages = readdirSync(dir).filter((d) => !d.startsWith("."));
  const keys = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const lng of languages) {
    const set = new Set<string>();
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith(".json"))) {
      const ns = file.replace(/\.json$/, "");
      const data = JSON.parse(readFileSync(join(dir, lng, file), "utf8")) as Json;
      for (const key of flatten(data)) {
        const value = key.split(".").reduce<Json | string>((node, part) => (node as Json)[part], data);
        if (typeof value === "string" && value.trim() === "") problems.push(`${lng}: ${ns}:${key} is empty`);
        set.add(`${ns}:${key}`);
      }
    }
    keys.set(lng, set);
  }
  const bases = (lng: string) => new Set([...keys.get(lng)!].map((k) => k.replace(PLURAL, "")));
  for (const a of languages) {
    for (const b of languages) {
      if (a === b) continue;
      const other = bases(b);
      for (const key of bases(a)) if (!other.has(key)) problems.push(`${b}: missing ${key} (present in ${a})`);
    }
    for (const key of bases(a)) {
      const forms = [...keys.get(a)!].filter((k) => k.replace(PLURAL, "") === key && PLURAL.test(k));
      if (forms.length === 0) continue;
      for (const category of required[a] ?? ["other"]) {
        if (!keys.get(a)!.has(`${key}_${category}`)) problems.push(`${a}: plural ${key} lacks _${category}`);
      }
    }
  }
  return [...new Set(problems)];
}
