import { describe, expect, it } from "vitest";
import { generatePromoCode, isPromoCode, normalizePromoCode } from "./code-format";

describe("promo code format", () => {
  it("is case-insensitive: stored and compared in capitals", () => {
    expect(normalizePromoCode("  anna-spring_25 ")).toBe("ANNA-SPRING_25");
    expect(isPromoCode("anna-spring")).toBe(true);
  });
  it("refuses codes people could not type back reliably", () => {
    for (const bad of ["", "ab", "-ANNA", "ANNA SPRING", "АННА", "A".repeat(33), "ANNA!"]) expect(isPromoCode(bad), bad).toBe(false);
  });
  it("generates 8 characters without look-alikes", () => {
    const codes = new Set(Array.from({ length: 200 }, generatePromoCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });
});
