import { describe, expect, it } from "vitest";
import { generateLinkCode, isLinkCode, LINK_CODE_ALPHABET } from "./codes";
import { defaultTargetMarket } from "./create-link";
import { defaultDestination, destinationHost, isHttpUrl } from "./destination";

describe("link codes", () => {
  it("are 8 characters from the unambiguous alphabet, and vary", () => {
    const codes = Array.from({ length: 500 }, generateLinkCode);
    for (const code of codes) expect(isLinkCode(code), code).toBe(true);
    expect(new Set(codes).size).toBe(500);
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01ilo]/);
    expect(isLinkCode("abcdefgl")).toBe(false);
    expect(isLinkCode("ABCDEFGH")).toBe(false);
  });
});

describe("destinations", () => {
  it("accept only absolute http(s) URLs", () => {
    expect(isHttpUrl("https://example.com/a?b=c")).toBe(true);
    expect(isHttpUrl("http://localhost:3000/")).toBe(true);
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "//example.com", "example.com", "https://exa mple.com", "mailto:a@b.c"]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });

  it("default to the board page in the partner's language", () => {
    expect(defaultDestination("http://app.test/", { locale: "ru", tenantSlug: "acme", opportunityId: "op1" })).toBe("http://app.test/ru/o/acme/op1");
    expect(defaultDestination("http://app.test", { locale: "de", tenantSlug: "acme" })).toBe("http://app.test/en/o/acme");
    expect(destinationHost("https://shop.example.com:8443/x")).toBe("shop.example.com:8443");
  });
});

describe("default target market", () => {
  it("is the other market for US/RU, else the first other enabled one", () => {
    expect(defaultTargetMarket("US", ["US", "RU"], ["US", "RU"])).toBe("RU");
    expect(defaultTargetMarket("RU", ["US", "RU"], ["US", "RU"])).toBe("US");
    expect(defaultTargetMarket("KZ", ["RU", "US"], ["US", "RU", "KZ"])).toBe("RU");
    expect(defaultTargetMarket("US", ["US"], ["US"])).toBe("US");
  });
});
