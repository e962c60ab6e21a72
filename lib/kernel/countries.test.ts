import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countryCodes, countryName, countryOptions, resolveCountry } from "./countries";
import { currencyInSentence, resolveCurrency } from "./currencies";

describe("resolveCountry", () => {
  it.each([
    ["США", "US"], ["США ", "US"], ["сша", "US"], [" Сша. ", "US"], ["United States", "US"], ["united  states", "US"], ["us", "US"], ["US", "US"],
    ["USA", "US"], ["u.s.a.", "US"], ["Соединённые Штаты", "US"], ["Соединенные Штаты Америки", "US"],
    ["Россия", "RU"], ["РФ", "RU"], ["Russia", "RU"], ["ru", "RU"], ["Казахстан", "KZ"], ["Kazakhstan", "KZ"], ["Армения", "AM"], ["Грузия", "GE"],
    ["ОАЭ", "AE"], ["UAE", "AE"], ["United Arab Emirates", "AE"], ["Германия", "DE"], ["Germany", "DE"], ["UK", "GB"], ["Великобритания", "GB"],
    ["Кот-д’Ивуар", "CI"],
  ])("%j → %s", (input, code) => {
    expect(resolveCountry(input, "ru")).toBe(code);
    expect(resolveCountry(input, "en")).toBe(code);
    expect(resolveCountry(input)).toBe(code);
  });

  it.each(["", "   ", "Нарния", "Narnia", "XX", "ZZ", "EU", "12", "Соединенные", "<script>"])("%j names no country", (input) => {
    expect(resolveCountry(input, "ru")).toBeNull();
  });

  it("leaves retired and non-country codes out of the list (UK, SU, DD, EU, UN)", () => {
    const codes = countryCodes();
    for (const gone of ["UK", "SU", "DD", "YU", "EU", "UN", "ZZ", "QO", "XA"]) expect(codes).not.toContain(gone);
    expect(codes.length).toBeGreaterThanOrEqual(249);
  });

  it("names and sorts options in the reader's language", () => {
    expect(countryName("US", "ru")).toBe("Соединенные Штаты");
    expect(countryName("US", "en")).toBe("United States");
    const ru = countryOptions("ru");
    expect(ru[0].name < ru[ru.length - 1].name).toBe(true);
    expect(ru.find((o) => o.code === "KZ")?.name).toBe("Казахстан");
  });

  it("every option's own name, in either language and any case, resolves back to its code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countryCodes()), fc.constantFrom("ru", "en"), fc.boolean(), (code, lang, upper) => {
        const name = countryName(code, lang);
        const typed = ` ${upper ? name.toLocaleUpperCase(lang) : name.toLocaleLowerCase(lang)}  `;
        expect(resolveCountry(typed, lang === "ru" ? "en" : "ru")).toBe(code);
      }),
      { numRuns: 500 },
    );
  });
});

describe("resolveCurrency", () => {
  it.each([
    ["rub", "RUB"], ["RUB", "RUB"], ["рубль", "RUB"], ["Российский рубль", "RUB"], ["₽", "RUB"], ["доллар США", "USD"], ["US Dollar", "USD"],
    ["usd", "USD"], ["евро", "EUR"], ["Euro", "EUR"], ["тенге", "KZT"], ["Kazakhstani Tenge", "KZT"], ["доллар США (USD)", "USD"],
  ])("%j → %s", (input, code) => {
    expect(resolveCurrency(input, "ru")).toBe(code);
    expect(resolveCurrency(input, "en")).toBe(code);
  });

  it.each(["", "xyz", "ABC", "деньги"])("%j is no currency", (input) => {
    expect(resolveCurrency(input, "ru")).toBeNull();
  });
});

describe("currencyInSentence", () => {
  it("puts a currency into a Russian sentence by name, in the case «в» needs", () => {
    expect(`Баланс в ${currencyInSentence("RUB", "ru")}`).toBe("Баланс в рублях");
    expect(`Минимум в ${currencyInSentence("USD", "ru")}`).toBe("Минимум в долларах США");
    expect(`Суммы пересчитываются в ${currencyInSentence("USD", "ru", "accusative")}`).toBe("Суммы пересчитываются в доллары США");
    expect(currencyInSentence("CHF", "ru")).toBe("валюте «швейцарский франк»");
  });

  it("keeps the code in English", () => {
    expect(`Balance in ${currencyInSentence("RUB", "en")}`).toBe("Balance in RUB");
  });
});
