import { describe, expect, it } from "vitest";
import { minorToDecimal, parseMoneyToMinor } from "./money";

describe("parseMoneyToMinor", () => {
  it.each([
    ["12 500,50", 1250050n],
    ["12\u00a0500,50", 1250050n],
    ["12\u202f500,5", 1250050n],
    ["12,500.50", 1250050n],
    ["12.500,50", 1250050n],
    ["12500.5", 1250050n],
    ["12500,05", 1250005n],
    ["12500", 1250000n],
    ["12,500", 1250000n],
    ["1.234.567", 123456700n],
    ["1,234,567.89", 123456789n],
    ["12,5", 1250n],
    ["12.345", 1234500n],
    ["0,01", 1n],
    ["1'250.00", 125000n],
    ["  7  ", 700n],
  ])("%s → %s minor units (USD)", (input, expected) => {
    expect(parseMoneyToMinor(input, "USD")).toBe(expected);
  });

  it.each(["", "abc", "-5", "12,50,5", "12.5.0", "1,2345.00", "12,500,50.00x", "12.5,00", "1.", ",5", "1 2 3,4.5", "12,500.5,0"])(
    "rejects %j",
    (input) => {
      expect(parseMoneyToMinor(input, "USD")).toBeNull();
    },
  );

  it("refuses more decimals than the currency has", () => {
    expect(parseMoneyToMinor("10.50", "JPY")).toBeNull();
    expect(parseMoneyToMinor("1050", "JPY")).toBe(1050n);
    expect(parseMoneyToMinor("10.5", "RUB")).toBe(1050n);
  });

  it("keeps precision far beyond a double and caps absurd amounts", () => {
    expect(parseMoneyToMinor("9 007 199 254 740,99", "USD")).toBe(900719925474099n);
    expect(parseMoneyToMinor("99 999 999 999 999 999", "USD")).toBeNull();
  });
});

describe("minorToDecimal", () => {
  it("prints plain decimals for machines", () => {
    expect(minorToDecimal(1250050n, "USD")).toBe("12500.50");
    expect(minorToDecimal(5n, "RUB", ",")).toBe("0,05");
    expect(minorToDecimal(1500n, "JPY")).toBe("1500");
  });
});
