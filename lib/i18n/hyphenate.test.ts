import { describe, expect, it } from "vitest";
import { softHyphens } from "./hyphenate";

const shown = (s: string) => s.replaceAll("\u00ad", "-");

describe("softHyphens", () => {
  it("breaks long Russian words at syllables and leaves the text unchanged otherwise", () => {
    expect(shown(softHyphens("ru", "1 квалифицированный лид"))).toBe("1 ква-ли-фи-ци-ро-ван-ный лид");
    expect(shown(softHyphens("ru", "Квалифицированные лиды"))).toBe("Ква-ли-фи-ци-ро-ван-ные лиды");
    expect(shown(softHyphens("ru", "при 2 рекомендациях"))).toBe("при 2 ре-ко-мен-да-циях");
    expect(softHyphens("ru", "Квалифицированные").replaceAll("\u00ad", "")).toBe("Квалифицированные");
  });

  it("keeps й, ь and ъ with the letter before and short words whole", () => {
    expect(shown(softHyphens("ru", "объединившихся", { minLength: 10 }))).toBe("объ-еди-нив-шихся");
    expect(shown(softHyphens("ru", "большинство", { minLength: 10 }))).toBe("боль-шин-ство");
    expect(softHyphens("ru", "Рекомендации")).toBe("Рекомендации");
  });

  it("splits a heading's word once, near its middle", () => {
    expect(shown(softHyphens("ru", "Квалифицированные лиды", { once: true }))).toBe("Квалифици-рованные лиды");
  });

  it("does nothing in English", () => {
    expect(softHyphens("en", "Qualified leads")).toBe("Qualified leads");
  });
});
