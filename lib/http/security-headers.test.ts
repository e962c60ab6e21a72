import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestors } from "./security-headers";

describe("security headers", () => {
  it("forbids framing except on the public board with listed origins", () => {
    expect(frameAncestors("/en/t/northstar", "https://agency.example")).toBe("'none'");
    expect(frameAncestors("/ru/p/northstar/earnings", null)).toBe("'none'");
    expect(frameAncestors("/ru/o/northstar", null)).toBe("'none'");
    expect(frameAncestors("/ru/o/northstar", "https://agency.example http://evil\"")).toBe("'self' https://agency.example");
    expect(frameAncestors("/en/apply/northstar/p1", "https://a.example https://b.example:8443")).toBe("'self' https://a.example https://b.example:8443");
  });
  it("the embed routes take the listed origins; with none listed, nobody frames them", () => {
    expect(frameAncestors("/ru/embed/northstar/board", "https://agency.example")).toBe("'self' https://agency.example");
    expect(frameAncestors("/en/embed/northstar/apply/p1", "https://a.example http://localhost:5173")).toBe("'self' https://a.example http://localhost:5173");
    expect(frameAncestors("/en/embed/northstar/board", null)).toBe("'none'");
    expect(frameAncestors("/en/embed/northstar/board", "javascript:alert(1) 'unsafe-inline'")).toBe("'none'");
    expect(frameAncestors("/en/t/northstar/embed/x", "https://agency.example")).toBe("'none'");
  });
  it("builds a nonce-based CSP without unsafe-inline scripts", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, frameAncestors: "'none'" });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
