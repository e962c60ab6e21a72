import { describe, expect, it } from "vitest";
import { normalizeRknNumber } from "./rkn-number";

describe("a Roskomnadzor registry number (checked loosely: its format is not published)", () => {
  it("keeps a Gosuslugi application number, without «№» and spaces", () => {
    expect(normalizeRknNumber("4912345678")).toBe("4912345678");
    expect(normalizeRknNumber(" № 49 1234 5678 ")).toBe("4912345678");
    expect(normalizeRknNumber("А-4912/25")).toBe("А-4912/25");
  });
  it("keeps a link to the entry on a government site", () => {
    const link = "https://knd.gov.ru/license?id=673d9b1d8e23a5bd60e4ed9a&registryType=bloggersPermission";
    expect(normalizeRknNumber(link)).toBe(link);
    expect(normalizeRknNumber("https://www.gosuslugi.ru/snet/123456")).toBe("https://www.gosuslugi.ru/snet/123456");
  });
  it("refuses text with fewer than four digits, other sites and plain http", () => {
    for (const bad of ["нет", "A1", "12-3", "https://t.me/anna_blog", "http://knd.gov.ru/license?id=1", "4912345678; DROP"]) expect(normalizeRknNumber(bad), bad).toBeNull();
  });
});
