import { describe, expect, it } from "vitest";
import { destinationParts, destinationWithClick } from "./destination";
import { CLICK_ID, newClickId, visitorHash } from "./visitor";

const utm = { programId: "prog1", partnerRef: "ANNA" };

describe("destination URL", () => {
  it("keeps other params and the hash, overwrites our keys, appends the click id", () => {
    const parts = destinationParts("https://shop.example/path?a=1&utm_source=google&tw_click=old&b=two#section", utm)!;
    const url = new URL(destinationWithClick(parts, "CLICKID123456789"));
    expect(url.origin + url.pathname).toBe("https://shop.example/path");
    expect(url.hash).toBe("#section");
    expect(url.searchParams.get("a")).toBe("1");
    expect(url.searchParams.get("b")).toBe("two");
    expect(url.searchParams.getAll("utm_source")).toEqual(["twoway"]);
    expect(url.searchParams.get("utm_medium")).toBe("partner");
    expect(url.searchParams.get("utm_campaign")).toBe("prog1");
    expect(url.searchParams.get("utm_content")).toBe("ANNA");
    expect(url.searchParams.getAll("tw_click")).toEqual(["CLICKID123456789"]);
  });

  it("works without a query and encodes values", () => {
    const parts = destinationParts("http://example.com", { programId: "p 1", partnerRef: "a&b" })!;
    const url = new URL(destinationWithClick(parts, "x"));
    expect(url.searchParams.get("utm_campaign")).toBe("p 1");
    expect(url.searchParams.get("utm_content")).toBe("a&b");
    expect(parts.url).not.toContain("tw_click");
  });

  it("keeps a path on this site relative", () => {
    const parts = destinationParts("/ru/o/northstar?x=1#top", utm)!;
    const location = destinationWithClick(parts, "ID");
    expect(location.startsWith("/ru/o/northstar?x=1&utm_source=twoway&")).toBe(true);
    expect(location.endsWith("&tw_click=ID#top")).toBe(true);
  });

  it("refuses non-http destinations and other hosts disguised as paths", () => {
    expect(destinationParts("javascript:alert(1)", utm)).toBeNull();
    expect(destinationParts("data:text/html,hi", utm)).toBeNull();
    expect(destinationParts("//evil.example/x", utm)).toBeNull();
    expect(destinationParts("/\\evil.example/x", utm)).toBeNull();
    expect(destinationParts("relative/path", utm)).toBeNull();
  });
});

describe("click ids and visitor hash", () => {
  it("click ids are 16 url-safe chars and unique", () => {
    const ids = new Set(Array.from({ length: 5000 }, newClickId));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(CLICK_ID);
  });

  it("visitor hash depends on secret, ip and ua", () => {
    const h = visitorHash("s", "1.2.3.4", "ua");
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(visitorHash("s", "1.2.3.4", "ua")).toBe(h);
    expect(visitorHash("t", "1.2.3.4", "ua")).not.toBe(h);
    expect(visitorHash("s", "1.2.3.5", "ua")).not.toBe(h);
    expect(visitorHash("s", "1.2.3.4", "ub")).not.toBe(h);
  });
});
