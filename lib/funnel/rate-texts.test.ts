// The page's rate wording lives in components/funnel/format.ts; it is tested here because Vitest runs lib/ and tests/ only.
import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import { rateTexts, rateValue } from "@/components/funnel/format";

const tEn = createI18n("en").getFixedT("en", ["funnel", "common"]);
const tRu = createI18n("ru").getFixedT("ru", ["funnel", "common"]);
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("rateTexts: what a person reads for a rate", () => {
  it("period basis: two counts in words, no percent, with a reason (ru and en)", () => {
    const ru = rateTexts("ru", "qualifiedToClose", rate(2, 1), "period", tRu);
    expect(ru.value).toBe("—");
    expect(ru.counts).toBe("2 сделки за период при 1 квалифицированном лиде");
    expect(ru.reason).toMatch(/^Не конверсия/);
    const en = rateTexts("en", "qualifiedToClose", rate(2, 1), "period", tEn);
    expect(en).toMatchObject({ value: "—", counts: "2 closes vs 1 qualified lead in the period" });
    expect(en.reason).toMatch(/^Not a conversion rate/);
  });

  it("uses Russian plural forms on both sides", () => {
    expect(rateTexts("ru", "referralToQualified", rate(5, 22), "period", tRu).counts).toBe("5 квалифицированных лидов за период при 22 рекомендациях");
    expect(rateTexts("ru", "qualifiedToClose", rate(1, 0), "period", tRu).counts).toBe("1 сделка за период при 0 квалифицированных лидах");
    expect(nb(rateTexts("ru", "clickToReferral", rate(21, 1200), "cohort", tRu).counts)).toBe("21 рекомендация за период при 1 200 переходах");
  });

  it("cohort basis: a share with its basis; 2 of 1 and 1 of 0 become «—» with a reason", () => {
    expect(nb(rateTexts("ru", "referralToQualified", rate(37, 412), "cohort", tRu).value)).toBe("9 %");
    const share = rateTexts("ru", "referralToQualified", rate(37, 412), "cohort", tRu);
    expect(share.counts).toBe("37 из 412");
    expect(share.reason).toBeUndefined();
    expect(rateTexts("en", "qualifiedToClose", rate(2, 1), "cohort", tEn)).toMatchObject({ value: "—", counts: "2 closes vs 1 qualified lead" });
    expect(rateTexts("ru", "qualifiedToClose", rate(1, 0), "cohort", tRu)).toMatchObject({
      value: "—", counts: "1 сделка при 0 квалифицированных лидах", reason: "Не из чего считать: на предыдущем этапе 0.",
    });
    expect(rateTexts("en", "referralToQualified", rate(0, 0), "cohort", tEn).reason).toBe("Nothing to divide by: the previous stage is 0.");
  });

  it("never prints a percent above 100 % or over zero, even through the plain helper", () => {
    expect(rateValue("en", rate(2, 1), tEn)).toBe("—");
    expect(rateValue("en", rate(1, 0), tEn)).toBe("—");
    expect(rateValue("en", rate(1, 4), tEn)).toBe("25%");
  });
});
