import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/kernel/form";
import { opportunityFormValues } from "./form-values";
import { boardQuery, opportunityInput, optInInput } from "./schemas";

function errors(schema: typeof opportunityInput | typeof optInInput, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : zodFieldErrors(result.error);
}

const opportunity = {
  programId: "prog_1", side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "US",
  "platforms": ["tiktok", "instagram", "tiktok"], niches: "Skincare, beauty",
  audienceMin: "10 000", audienceMax: "250,000", budgetMin: "2 000", budgetMax: "5,000.50", budgetCurrency: "USD",
  prepaymentPercent: "50", netDays: "", barter: "on", deadline: "2026-12-31", slots: "5",
  titleEn: " RU skincare brand seeks US beauty creators ", titleRu: "", descriptionEn: "Q1 launch", descriptionRu: "",
};

describe("opportunity input", () => {
  it("turns the form into columns: minor units, a UTC date, lists and counts", () => {
    expect(opportunityInput.parse(opportunity)).toMatchObject({
      platforms: ["tiktok", "instagram"], niches: ["skincare", "beauty"], audienceMin: 10000, audienceMax: 250000,
      budgetMinMinor: 200000n, budgetMaxMinor: 500050n, budgetCurrency: "USD", prepaymentPercent: 50, netDays: null,
      barter: true, deadline: new Date("2026-12-31T00:00:00Z"), slots: 5, titleEn: "RU skincare brand seeks US beauty creators", titleRu: null,
    });
  });

  it("needs at least one title, in either language", () => {
    expect(errors(opportunityInput, { ...opportunity, titleEn: "", descriptionEn: "" })).toEqual({ titleEn: { key: "title_required" } });
    expect(opportunityInput.parse({ ...opportunity, titleEn: "", descriptionEn: "", titleRu: "Ищем авторов" }).titleRu).toBe("Ищем авторов");
  });

  it("wants a title in the language a description is written in", () => {
    expect(errors(opportunityInput, { ...opportunity, descriptionRu: "Описание" })).toEqual({ titleRu: { key: "description_needs_title" } });
  });

  it("keeps ranges in order: budget min ≤ max, audience min ≤ max", () => {
    expect(errors(opportunityInput, { ...opportunity, budgetMin: "6000", budgetMax: "5000" })).toEqual({ budgetMax: { key: "budget_range_invalid" } });
    expect(errors(opportunityInput, { ...opportunity, audienceMin: "300000" })).toEqual({ audienceMax: { key: "audience_range_invalid" } });
    expect(opportunityInput.parse({ ...opportunity, budgetMin: "5000", budgetMax: "5 000" }).budgetMaxMinor).toBe(500000n);
  });

  it("needs a currency for a budget and reads amounts without floats", () => {
    expect(errors(opportunityInput, { ...opportunity, budgetCurrency: "" })).toEqual({ budgetCurrency: { key: "budget_currency_required" } });
    expect(errors(opportunityInput, { ...opportunity, budgetMin: "two grand" })).toEqual({ budgetMin: { key: "money_invalid" } });
    const open = opportunityInput.parse({ ...opportunity, budgetMin: "", budgetMax: "", budgetCurrency: "RUB" });
    expect([open.budgetMinMinor, open.budgetMaxMinor, open.budgetCurrency]).toEqual([null, null, null]);
    expect(opportunityInput.parse({ ...opportunity, budgetMin: "150 000,50", budgetMax: "", budgetCurrency: "RUB" }).budgetMinMinor).toBe(15000050n);
  });

  it("reads the deadline as the page's language writes it", () => {
    expect(opportunityInput.parse({ ...opportunity, deadline: "31.12.2026" }).deadline).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(opportunityInput.parse({ ...opportunity, deadline: "12/31/2026" }).deadline).toEqual(new Date("2026-12-31T00:00:00Z"));
  });

  it("names the field of every other mistake", () => {
    expect(errors(opportunityInput, {
      ...opportunity, programId: "", side: "both", sourceMarket: "MARS", platforms: ["myspace"], prepaymentPercent: "120", netDays: "soon", slots: "0", deadline: "31.02.2026",
    })).toEqual({
      programId: { key: "program_required" }, side: { key: "invalid_choice" }, sourceMarket: { key: "market_required" }, "platforms.0": { key: "invalid_choice" },
      prepaymentPercent: { key: "too_big", values: { max: 100 } }, netDays: { key: "whole_number" }, slots: { key: "too_small", values: { min: 1 } }, deadline: { key: "date_format" },
    });
  });

  it("lists the cross-field mistakes together with the others", () => {
    expect(errors(opportunityInput, { ...opportunity, programId: "", titleEn: "", descriptionEn: "", budgetMin: "9000" })).toEqual({
      programId: { key: "program_required" }, titleEn: { key: "title_required" }, budgetMax: { key: "budget_range_invalid" },
    });
    expect(opportunityInput.safeParse(null).success).toBe(false);
  });

  it("reads back what the edit form shows for a stored opportunity", () => {
    const stored = opportunityInput.parse(opportunity);
    const { "platforms[]": list, ...values } = opportunityFormValues(stored);
    expect(opportunityInput.parse({ ...values, platforms: list.split(",") })).toEqual(stored);
  });

  it("defaults to one place", () => {
    expect(opportunityInput.parse({ ...opportunity, slots: "" }).slots).toBe(1);
  });
});

const optIn = {
  kind: "creator", name: "Jess Glow", market: "US", country: "us", website: "",
  platforms: [{ platform: "tiktok", handle: "@JessGlow", audienceSize: "125 000" }, { platform: "", handle: "", audienceSize: "" }],
  contactName: "", contactEmail: "JESS@Example.com", pitch: "Beauty creator", consent: "yes", homepage: "",
};

describe("opt-in input", () => {
  it("accepts a creator with one account and normalises it", () => {
    expect(optInInput.parse(optIn)).toMatchObject({
      country: "US", contactEmail: "jess@example.com", website: null,
      platforms: [{ platform: "tiktok", handle: "@JessGlow", handleNormalized: "jessglow", audienceSize: 125000 }],
    });
  });

  it("requires the e-mail, the separate consent, and a website or an account", () => {
    expect(errors(optInInput, { ...optIn, contactEmail: "", consent: undefined, platforms: [] })).toEqual({
      contactEmail: { key: "required" }, consent: { key: "consent_required" }, website: { key: "opt_in_identity_required" },
    });
    expect(errors(optInInput, { ...optIn, contactEmail: "not-an-email" })).toEqual({ contactEmail: { key: "invalid_email" } });
  });

  it("limits sizes: a 1000-character pitch, four accounts, sane names", () => {
    expect(errors(optInInput, { ...optIn, pitch: "x".repeat(1001) })).toEqual({ pitch: { key: "too_long", values: { max: 1000 } } });
    expect(optInInput.safeParse({ ...optIn, pitch: "x".repeat(1000) }).success).toBe(true);
    const five = ["tiktok", "instagram", "youtube", "telegram", "vk"].map((platform) => ({ platform, handle: "a", audienceSize: "1" }));
    expect(errors(optInInput, { ...optIn, platforms: five })).toEqual({ platforms: { key: "too_many_items", values: { max: 4 } } });
    expect(errors(optInInput, { ...optIn, name: "n".repeat(121) })).toEqual({ name: { key: "too_long", values: { max: 120 } } });
  });

  it("points at the exact account row", () => {
    expect(errors(optInInput, { ...optIn, platforms: [{ platform: "tiktok", handle: "a" }, { platform: "tiktok", handle: "b" }, { platform: "youtube", handle: "c", audienceSize: "lots" }] }))
      .toEqual({ "platforms.2.audienceSize": { key: "audience_invalid" } });
    expect(errors(optInInput, { ...optIn, platforms: [{ platform: "tiktok", handle: "a" }, { platform: "tiktok", handle: "b" }] }))
      .toEqual({ "platforms.1.platform": { key: "platform_duplicate" } });
  });

  it("only knows brands and creators", () => {
    expect(errors(optInInput, { ...optIn, kind: "agency" })).toEqual({ kind: { key: "invalid_choice" } });
  });
});

describe("board filters from the URL", () => {
  it("falls back to no filter on junk instead of failing the page", () => {
    expect(boardQuery.parse({ pair: "RU-MARS", platform: "myspace", niche: "  Beauty ", budget: "lots", currency: "USD", page: "-1" }))
      .toEqual({ pair: undefined, platform: undefined, niche: "beauty", budget: undefined, budgetMinor: undefined, currency: "USD", page: 1 });
  });

  it("reads a minimum budget in one currency", () => {
    expect(boardQuery.parse({ pair: "RU-US", budget: "2 000", currency: "USD" })).toMatchObject({ pair: { source: "RU", target: "US" }, budgetMinor: 200000n, currency: "USD" });
  });
});
