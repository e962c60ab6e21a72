import { describe, expect, it } from "vitest";
import { handleIdentity } from "@/lib/referrals/subject-keys";
import { zodFieldErrors } from "@/lib/kernel/form";
import { brandInput, creatorInput, listQuery } from "./schemas";
import { normalizeHandle, normalizeWebsite } from "./normalize";

function errors(schema: typeof brandInput | typeof creatorInput, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : zodFieldErrors(result.error);
}

describe("brand input", () => {
  it("accepts a complete form and normalises it", () => {
    const parsed = brandInput.parse({
      name: "  Glow Lab ", market: "RU", country: "ru", website: "www.glowlab.ru", industry: "", niches: "Skincare, wellness, skincare",
      languages: ["ru", "en"], contactEmail: "HELLO@GLOWLAB.RU", notes: "",
    });
    expect(parsed).toMatchObject({ name: "Glow Lab", country: "RU", niches: ["skincare", "wellness"], contactEmail: "hello@glowlab.ru", industry: null, notes: null });
  });

  it("returns one translatable key per invalid field", () => {
    expect(errors(brandInput, { name: "", market: "XX", country: "Narnia", website: "not a site", contactEmail: "nope" })).toEqual({
      name: { key: "required" },
      market: { key: "market_required" },
      country: { key: "country_unknown" },
      website: { key: "website_invalid" },
      contactEmail: { key: "invalid_email" },
    });
  });

  it("limits lengths with the limit in the message", () => {
    expect(errors(brandInput, { name: "x".repeat(121), market: "US" })).toEqual({ name: { key: "too_long", values: { max: 120 } } });
  });
});

describe("creator input", () => {
  it("parses platform rows, skips empty rows and normalises handles", () => {
    const parsed = creatorInput.parse({
      name: "Анна Смирнова", market: "RU",
      platforms: [
        { platform: "telegram", handle: "https://t.me/Anna_Beauty", audienceSize: "125 000" },
        { platform: "", handle: "", audienceSize: "" },
        { platform: "vk", handle: "@anna.vk", audienceSize: "" },
      ],
    });
    expect(parsed.platforms).toEqual([
      { platform: "telegram", handle: "https://t.me/Anna_Beauty", handleNormalized: "anna_beauty", audienceSize: 125000, rknRegistryNumber: null },
      { platform: "vk", handle: "@anna.vk", handleNormalized: "anna.vk", audienceSize: 0, rknRegistryNumber: null },
    ]);
  });

  it("points errors at the exact platform cell", () => {
    expect(errors(creatorInput, {
      name: "A", market: "US",
      platforms: [{ platform: "myspace", handle: "a" }, { platform: "tiktok", handle: "" , audienceSize: "5"}, { platform: "youtube", handle: "b", audienceSize: "lots" }],
    })).toEqual({
      "platforms.0.platform": { key: "platform_required" },
      "platforms.1.handle": { key: "handle_required" },
      "platforms.2.audienceSize": { key: "audience_invalid" },
    });
    expect(errors(creatorInput, { name: "A", market: "US", platforms: [{ platform: "tiktok", handle: "a" }, { platform: "tiktok", handle: "b" }] }))
      .toEqual({ "platforms.1.platform": { key: "platform_duplicate" } });
  });
});

describe("list query from the URL", () => {
  it("falls back to defaults on junk instead of failing the page", () => {
    expect(listQuery.parse({ q: " glow ", market: "MARS", status: "deleted", page: "-4" })).toEqual({ q: "glow", market: undefined, status: "active", page: 1 });
    expect(listQuery.parse({ page: "3", market: "RU", status: "archived" })).toEqual({ q: undefined, market: "RU", status: "archived", page: 3 });
  });
});

describe("normalisation", () => {
  it("treats the same website and handle spelled differently as equal", () => {
    expect(normalizeWebsite("https://WWW.Glow-Lab.com/")).toBe(normalizeWebsite("glow-lab.com"));
    expect(normalizeHandle("@Anna_Beauty")).toBe(normalizeHandle("https://instagram.com/anna_beauty/"));
  });

  it("reads a profile link typed without https:// as a link, like the referral duplicate check", () => {
    for (const raw of ["t.me/Anna_Beauty", "www.instagram.com/anna_beauty/", "instagram.com/@anna_beauty", "http://t.me/anna_beauty"]) {
      expect(normalizeHandle(raw), raw).toBe("anna_beauty");
    }
    expect(handleIdentity("t.me/Anna_Beauty")).toBe(normalizeHandle("t.me/Anna_Beauty"));
    // A dotted handle without a path stays a handle.
    expect(normalizeHandle("anna.beauty")).toBe("anna.beauty");
  });

  it("gives an unparseable link no handle instead of throwing", () => {
    expect(normalizeHandle("https://")).toBe("");
    expect(errors(creatorInput, { name: "A", market: "US", platforms: [{ platform: "tiktok", handle: "https://" }] }))
      .toEqual({ "platforms.0.handle": { key: "handle_required" } });
  });
});
