import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLocales } from "./check";

function catalogue(files: Record<string, Record<string, object>>) {
  const dir = mkdtempSync(join(tmpdir(), "i18n-"));
  for (const [lng, namespaces] of Object.entries(files)) {
    mkdirSync(join(dir, lng));
    for (const [ns, data] of Object.entries(namespaces)) writeFileSync(join(dir, lng, `${ns}.json`), JSON.stringify(data));
  }
  return dir;
}

describe("i18n:check", () => {
  it("passes on the real catalogues", () => {
    expect(checkLocales("locales")).toEqual([]);
  });

  it("reports a key that exists in one language only", () => {
    const dir = catalogue({ en: { common: { a: "A", b: "B" } }, ru: { common: { a: "А" } } });
    expect(checkLocales(dir)).toEqual(["ru: missing common:b (present in en)"]);
  });

  it("reports an incomplete Russian plural", () => {
    const dir = catalogue({
      en: { common: { n_one: "{{count}} item", n_other: "{{count}} items" } },
      ru: { common: { n_one: "{{count}} штука", n_other: "{{count}} штуки" } },
    });
    expect(checkLocales(dir)).toEqual(["ru: plural common:n lacks _few", "ru: plural common:n lacks _many"]);
  });
});
