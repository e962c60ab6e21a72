import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/kernel/form";
import { normalizeContact, referralDraftInput, referralSubmitInput } from "./schemas";

const complete = {
  kind: "brand", subjectName: "Glow Lab", market: "RU", country: "ru", website: "glowlab.ru", programId: "p1", targetMarket: "US",
  platforms: [{ platform: "", handle: "" }, { platform: "telegram", handle: "t.me/glow_lab" }],
  contactName: "Анна", contactChannel: "telegram", contactValue: "https://t.me/anna_smirnova", relationship: "worked_together",
  fitReason: "Wants US retail distribution this spring.", consent: "on",
};

const errors = (schema: typeof referralSubmitInput, input: object) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(Object.entries(zodFieldErrors(result.error)).map(([k, v]) => [k, v.key]));
};

describe("referral submission", () => {
  it("accepts a complete referral and tidies it", () => {
    expect(referralSubmitInput.parse(complete)).toMatchObject({
      sourceMarket: "RU", country: "RU", platforms: [{ platform: "telegram", handle: "t.me/glow_lab" }],
      contactValue: "@anna_smirnova", consentToIntro: true, relationship: "worked_together",
    });
  });

  it("names every missing piece on submit, with its own message", () => {
    expect(errors(referralSubmitInput, { kind: "creator", subjectName: "X", market: "US", programId: "p", targetMarket: "RU", fitReason: "too short" })).toEqual({
      website: "subject_identity_required", contactName: "required", contactChannel: "required", contactValue: "required",
      relationship: "required", fitReason: "fit_reason_too_short", consent: "intro_consent_required",
    });
  });

  it("lets a draft skip the contact, pitch and consent, but not who and where", () => {
    expect(referralDraftInput.safeParse({ kind: "brand", subjectName: "Draft", market: "RU", programId: "p", targetMarket: "US" }).success).toBe(true);
    expect(errors(referralDraftInput, { kind: "", subjectName: "", market: "", programId: "", targetMarket: "" })).toEqual({
      kind: "required", subjectName: "required", market: "market_required", programId: "required", targetMarket: "market_required",
    });
  });

  it("still checks what a draft does contain", () => {
    expect(errors(referralDraftInput, { ...complete, consent: "", website: "not a site", country: "Narnia", contactChannel: "email", contactValue: "anna@" })).toEqual({
      website: "website_invalid", country: "country_unknown", contactValue: "invalid_email",
    });
  });

  it("wants a platform for each handle, a handle for each platform, and each platform once", () => {
    const rows = [{ platform: "vk", handle: "" }, { platform: "", handle: "@x" }, { platform: "tiktok", handle: "@a" }, { platform: "tiktok", handle: "@b" }];
    expect(errors(referralSubmitInput, { ...complete, platforms: rows })).toEqual({
      "platforms.0.handle": "handle_required", "platforms.1.platform": "platform_required", "platforms.3.platform": "platform_duplicate",
    });
    expect(errors(referralSubmitInput, { ...complete, platforms: Array(5).fill({ platform: "", handle: "" }) })).toEqual({ platforms: "too_many_items" });
  });
});

describe("contact per channel", () => {
  it.each([
    ["email", " Anna@GlowLab.RU ".trim(), { value: "anna@glowlab.ru" }],
    ["email", "anna@", { error: "invalid_email" }],
    ["telegram", "@Anna_Smirnova", { value: "@Anna_Smirnova" }],
    ["telegram", "t.me/anna_smirnova/", { value: "@anna_smirnova" }],
    ["telegram", "@ann", { error: "telegram_invalid" }],
    ["telegram", "+7 999 123 45 67", { error: "telegram_invalid" }],
    ["phone", "+7 (999) 123-45-67", { value: "+7 (999) 123-45-67" }],
    ["phone", "12-34", { error: "phone_invalid" }],
    ["phone", "call me", { error: "phone_invalid" }],
  ] as const)("%s %j", (channel, raw, expected) => {
    expect(normalizeContact(channel, raw)).toEqual(expected);
  });
});
