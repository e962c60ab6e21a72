import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseShorthandMinor, parseShorthandNumber } from "./shorthand";

describe("parseShorthandNumber", () => {
  it.each([
    ["120 тыс.", "ru", 120_000], ["120 тыс", "ru", 120_000], ["120тыс.", "ru", 120_000], ["120 ТЫС.", "ru", 120_000], ["1,5 млн", "ru", 1_500_000],
    ["1.5 млн", "ru", 1_500_000], ["2,5К", "ru", 2_500], ["1 млрд", "ru", 1_000_000_000], ["120 000", "ru", 120_000], ["120\u00a0000", "ru", 120_000],
    ["1.5M", "en", 1_500_000], ["120k", "en", 120_000], ["120K", "en", 120_000], ["1.25m", "en", 1_250_000], ["2bn", "en", 2_000_000_000 ],
    ["120,000", "en", 120_000], ["12,500,000", "en", 12_500_000], ["1,500 тыс.", "ru", 1_500], ["+300", "en", 300], ["0", "ru", 0], ["  42  ", "ru", 42],
  ])("%j (%s) → %d", (input, locale, value) => {
    expect(parseShorthandNumber(input, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ["-5", "ru", "number_negative"], ["−120 тыс.", "ru", "number_negative"], ["abc", "en", "number_invalid"], ["12 попугаев", "ru", "number_invalid"],
    ["1,5", "ru", "whole_number"], ["120,5", "ru", "whole_number"], ["1,2345 тыс.", "ru", "whole_number"], ["3 млрд", "ru", "number_too_large"],
    ["1,500", "ru", "number_ambiguous"], ["1.500", "ru", "number_ambiguous"], ["1.500", "en", "number_ambiguous"], ["1,2,3", "en", "number_invalid"],
    ["", "ru", "number_invalid"], ["млн", "ru", "number_invalid"], ["1..5", "en", "number_invalid"], ["5.", "en", "number_invalid"],
  ])("%j (%s) is refused: %s", (input, locale, error) => {
    expect(parseShorthandNumber(input, locale)).toEqual({ ok: false, error });
  });

  it("without a page language, one mark before three digits groups thousands (as the money parser does)", () => {
    expect(parseShorthandNumber("1,500")).toEqual({ ok: true, value: 1500 });
    expect(parseShorthandNumber("1.500")).toEqual({ ok: true, value: 1500 });
  });

  it("any whole number written with spaces, a Russian or English multiplier reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(["тыс.", 1_000], ["k", 1_000], ["млн", 1_000_000], ["M", 1_000_000], ["", 1]), (n, [word, scale]) => {
        const value = word && n * scale > 2_000_000_000 ? n % 2000 : n;
        const grouped = new Intl.NumberFormat("ru").format(value);
        expect(parseShorthandNumber(`${grouped} ${word}`.trim(), "ru")).toEqual({ ok: true, value: value * scale });
      }),
    );
  });

  it("never returns a negative number, a fraction or more than the limit, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("ru", "en", undefined), (text, locale) => {
        const parsed = parseShorthandNumber(text, locale, 1_000_000);
        if (parsed.ok) expect(Number.isInteger(parsed.value) && parsed.value >= 0 && parsed.value <= 1_000_000).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseShorthandMinor", () => {
  it.each([
    ["450 тыс.", "RUB", 45_000_000n], ["1,5 млн", "RUB", 150_000_000n], ["12 500,50", "RUB", 1_250_050n], ["12,500.50", "USD", 1_250_050n],
    ["1.5M", "USD", 150_000_000n], ["120k", "JPY", 120_000n], ["1,25 тыс.", "USD", 125_000n], ["0,5", "EUR", 50n],
  ])("%j %s → %s minor", (input, currency, minor) => {
    expect(parseShorthandMinor(input, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["0,005", "USD", "number_invalid"], ["1,5", "JPY", "number_invalid"], ["-10", "USD", "number_negative"], ["1000 млрд млрд", "USD", "number_invalid"],
    ["100000 млрд", "USD", "number_too_large"], ["сто рублей", "RUB", "number_invalid"],
  ])("%j %s is refused: %s", (input, currency, error) => {
    expect(parseShorthandMinor(input, currency)).toEqual({ ok: false, error });
  });

  it("«N тыс.» is exactly N × 1000 in whole roubles, for any N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        expect(parseShorthandMinor(`${n} тыс.`, "RUB", "ru")).toEqual({ ok: true, value: BigInt(n) * 1000n * 100n });
      }),
    );
  });
});
