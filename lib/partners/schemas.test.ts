import { describe, expect, it } from "vitest";
import { programInput, programSettingsInput } from "@/lib/programs/schemas";
import { parseForm } from "@/lib/kernel/form";
import { applicationInput, invitePartnerInput, parsePartnerListQuery, statusChangeInput } from "./schemas";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("partner forms parse real FormData", () => {
  it("reads the invite form: checkbox group, empty tier, lower-case country", () => {
    const parsed = parseForm(invitePartnerInput, form([
      ["name", " Jessica Moore "], ["email", "Jessica@Example.COM"], ["market", "US"], ["country", "us"], ["language", "en"],
      ["tier", ""], ["programIds[]", "p1"], ["programIds[]", "p2"], ["programIds[]", "p1"],
    ]));
    expect(parsed).toEqual({
      ok: true,
      data: { name: "Jessica Moore", email: "jessica@example.com", market: "US", country: "US", language: "en", tier: undefined, programIds: ["p1", "p2"] },
    });
  });

  it("names each invalid field with an i18n key", () => {
    const parsed = parseForm(invitePartnerInput, form([["name", ""], ["email", "nope"], ["country", "Narnia"], ["language", "de"], ["tier", "gold"]]));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.fromEntries(Object.entries(parsed.fieldErrors).map(([k, v]) => [k, v.key]))).toEqual({
      name: "required", email: "invalid_email", market: "market_required", country: "country_unknown", language: "invalid_choice", tier: "invalid_choice",
    });
  });

  it("turns an empty reason into null and rejects unknown actions", () => {
    expect(parseForm(statusChangeInput, form([["transition", "suspend"], ["reason", "   "]]))).toEqual({ ok: true, data: { action: "suspend", reason: null } });
    expect(parseForm(statusChangeInput, form([["transition", "activate"]])).ok).toBe(false);
  });

  it("requires the consent box and keeps the honeypot value for the domain to judge", () => {
    const base: [string, string][] = [["name", "Anna"], ["email", "anna@x.test"], ["market", "RU"], ["language", "ru"], ["pitch", "I introduce RU beauty brands to US retailers."]];
    const missing = parseForm(applicationInput, form(base));
    expect(missing.ok ? null : missing.fieldErrors.consent).toEqual({ key: "consent_required" });
    const bot = parseForm(applicationInput, form([...base, ["consent", "yes"], ["website", "http://x"]]));
    expect(bot.ok && bot.data.website).toBe("http://x");
  });

  it("coerces program windows and a single market checkbox", () => {
    const parsed = parseForm(programSettingsInput, form([["access", "open"], ["markets[]", "RU"], ["attributionWindowDays", "45"], ["protectionWindowDays", "180"]]));
    expect(parsed).toEqual({ ok: true, data: { access: "open", markets: ["RU"], attributionWindowDays: 45, protectionWindowDays: 180 } });
    const bad = parseForm(programInput, form([["name", "P"], ["mode", "direct"], ["access", "open"], ["attributionWindowDays", "0"], ["protectionWindowDays", "x"]]));
    expect(bad.ok ? null : Object.fromEntries(Object.entries(bad.fieldErrors).map(([k, v]) => [k, v.key]))).toEqual({
      markets: "markets_required", attributionWindowDays: "too_small", protectionWindowDays: "whole_number",
    });
  });

  it("falls back to defaults for junk list filters", () => {
    expect(parsePartnerListQuery({ status: "hacked", market: "XX", tier: "", page: "-1", q: "" })).toEqual({
      status: undefined, market: undefined, tier: undefined, program: undefined, q: undefined, page: 1,
    });
  });
});
