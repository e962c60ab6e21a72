import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import { BOARD_CONSENT_VERSION, optInKind } from "./codes";
import { opportunityText, pickLocalized } from "./localized-text";
import { boardConsentText } from "./opt-in";
import { budgetText, formatBudget, paymentText, slotsText, termFacts } from "./present";
import { canMoveOpportunity, nextOpportunityStatuses } from "./status-transitions";

const tEn = createI18n("en").getFixedT("en", ["opportunities", "common"]);
const tRu = createI18n("ru").getFixedT("ru", ["opportunities", "common"]);
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("language fallback", () => {
  it("shows the viewer's language, else the other one marked as a fallback", () => {
    expect(pickLocalized("ru", { en: "Hello", ru: "Привет" })).toEqual({ text: "Привет", lang: "ru", fallback: false });
    expect(pickLocalized("ru", { en: "Hello", ru: "  " })).toEqual({ text: "Hello", lang: "en", fallback: true });
    expect(pickLocalized("en", { en: null, ru: "Привет" })).toEqual({ text: "Привет", lang: "ru", fallback: true });
    expect(pickLocalized("en", { en: null, ru: null })).toBeNull();
  });

  it("picks title and description separately", () => {
    const text = opportunityText("en", { titleEn: "Title", titleRu: "Название", descriptionEn: null, descriptionRu: "Описание" });
    expect(text.title).toMatchObject({ lang: "en", fallback: false });
    expect(text.description).toMatchObject({ lang: "ru", fallback: true });
  });

  it("says which language is shown, in the viewer's language", () => {
    expect(tRu("fallback.en")).toBe("Показано на английском — русской версии пока нет");
    expect(tEn("fallback.ru")).toBe("Shown in Russian — no English version yet");
  });
});

describe("terms per locale", () => {
  it("formats a budget range as money in each locale, without cents when whole", () => {
    expect(formatBudget("en", 200000n, 500000n, "USD")).toBe("$2,000 – $5,000");
    expect(nbsp(formatBudget("ru", 200000n, 500000n, "USD")!)).toBe("2 000–5 000 $");
    expect(nbsp(formatBudget("ru", 15000050n, null, "RUB")!)).toBe("150 000,50 ₽");
    expect(formatBudget("en", null, null, "USD")).toBeNull();
    expect(nbsp(budgetText(tRu, "ru", { budgetMinMinor: null, budgetMaxMinor: 30000000n, budgetCurrency: "RUB" })!)).toBe("до 300 000 ₽");
  });

  it("uses Russian plural forms for places and payment days", () => {
    const side = "brand_seeks_creators" as const;
    expect([1, 2, 5, 21].map((slots) => slotsText(tRu, { side, slots }))).toEqual(["1 автор", "2 автора", "5 авторов", "21 автор"]);
    expect(slotsText(tEn, { side: "creator_seeks_brands", slots: 1 })).toBe("1 brand");
    expect(paymentText(tRu, { prepaymentPercent: 50, netDays: 30, barter: true })).toBe("предоплата 50% · оплата в течение 30 дней · возможен бартер");
    expect(paymentText(tEn, { prepaymentPercent: null, netDays: 1, barter: false })).toBe("paid within 1 day");
  });

  it("leaves out terms that were not set", () => {
    const facts = termFacts(tEn, "en", {
      side: "brand_seeks_creators", platforms: ["tiktok"], niches: [], audienceMin: 10000, audienceMax: null, budgetMinMinor: null,
      budgetMaxMinor: null, budgetCurrency: null, prepaymentPercent: null, netDays: null, barter: false, deadline: new Date("2026-12-31T00:00:00Z"), slots: 5,
    });
    expect(facts).toEqual([
      { label: "Looking for", value: "5 creators" },
      { label: "Platforms", value: "TikTok" },
      { label: "Audience size", value: "from 10,000" },
      { label: "Opt in by", value: "12/31/2026" },
    ]);
  });
});

describe("opportunity status", () => {
  it("goes draft → open → closed | filled and can be reopened, never back to draft", () => {
    expect(nextOpportunityStatuses("draft")).toEqual(["open"]);
    expect(nextOpportunityStatuses("open")).toEqual(["closed", "filled"]);
    expect(canMoveOpportunity("closed", "open")).toBe(true);
    expect(canMoveOpportunity("filled", "open")).toBe(true);
    expect(canMoveOpportunity("draft", "filled")).toBe(false);
    expect(canMoveOpportunity("open", "draft")).toBe(false);
  });

  it("lets the other side opt in", () => {
    expect(optInKind("brand_seeks_creators")).toBe("creator");
    expect(optInKind("creator_seeks_brands")).toBe("brand");
  });
});

describe("consent wording", () => {
  // Each opt-in stores the version with the text. If this fails, the wording changed: bump
  // BOARD_CONSENT_VERSION in codes.ts together with the new expected text here.
  it("matches the recorded version", () => {
    expect(BOARD_CONSENT_VERSION).toBe("board-consent-2026-11");
    expect(boardConsentText("en", "Northstar")).toBe(
      "I consent to Northstar processing the personal data I enter in this form (names, contact details, accounts and audience figures, my message) to review this opt-in and to contact me about it. This consent is separate from the rest of the form, and I can withdraw it at any time by writing to the agency.",
    );
    expect(boardConsentText("ru", "Northstar")).toBe(
      "Я даю согласие агентству Northstar на обработку персональных данных, которые указываю в этой форме (имена, контакты, аккаунты и размер аудитории, моё сообщение), чтобы рассмотреть эту заявку и связаться со мной по ней. Это согласие даётся отдельно от остальной формы, и я могу отозвать его в любой момент, написав в агентство.",
    );
  });
});
