import { describe, expect, it } from "vitest";
import { parseRatesCsv, parseRateText } from "./rates-csv";

describe("parseRatesCsv", () => {
  it("reads ';' files with decimal commas and both date formats", () => {
    const { rates, errors } = parseRatesCsv("date;base;quote;rate\n2026-11-26;USD;RUB;78,1234\n27.11.2026;eur;rub;90.5\n");
    expect(errors).toEqual([]);
    expect(rates).toEqual([
      { day: new Date("2026-11-26T00:00:00Z"), base: "USD", quote: "RUB", rate: "78.1234" },
      { day: new Date("2026-11-27T00:00:00Z"), base: "EUR", quote: "RUB", rate: "90.5" },
    ]);
  });

  it("reads ',' files and columns in any order", () => {
    const { rates } = parseRatesCsv("rate,quote,base,date\n0.0128,USD,RUB,2026-11-26\n");
    expect(rates).toEqual([{ day: new Date("2026-11-26T00:00:00Z"), base: "RUB", quote: "USD", rate: "0.0128" }]);
  });

  it("reports bad rows with their row numbers and keeps the good ones", () => {
    const csv = [
      "date;base;quote;rate",
      "2026-11-26;USD;RUB;78,1", // row 2 ok
      "2026-02-30;USD;RUB;78", // row 3 bad date
      "",
      "2026-11-26;XXX;RUB;1", // row 5 unknown currency
      "2026-11-26;USD;USD;1", // row 6 same currency
      "2026-11-26;EUR;RUB;-1", // row 7 bad rate
      "2026-11-26;USD;RUB;79", // row 8 duplicate of row 2
      "2026-11-26;EUR;RUB;0", // row 9 zero
    ].join("\n");
    const { rates, errors } = parseRatesCsv(csv);
    expect(rates).toHaveLength(1);
    expect(errors).toEqual([
      { row: 3, column: "date", code: "fx.csv_date_invalid" },
      { row: 5, column: "base", code: "fx.currency_invalid" },
      { row: 6, column: "quote", code: "fx.csv_same_currency" },
      { row: 7, column: "rate", code: "fx.csv_rate_invalid" },
      { row: 8, code: "fx.csv_duplicate", values: { row: 2 } },
      { row: 9, column: "rate", code: "fx.csv_rate_invalid" },
    ]);
  });

  it("requires the header and refuses empty or oversized files", () => {
    expect(() => parseRatesCsv("2026-11-26;USD;RUB;78\n")).toThrow(expect.objectContaining({ code: "fx.csv_header_invalid" }));
    expect(() => parseRatesCsv("")).toThrow(expect.objectContaining({ code: "fx.csv_empty" }));
    expect(() => parseRatesCsv("date;base;quote;rate\n")).toThrow(expect.objectContaining({ code: "fx.csv_empty" }));
    const big = "date,base,quote,rate\n" + "2026-11-26,USD,RUB,1\n".repeat(20_001);
    expect(() => parseRatesCsv(big)).toThrow(expect.objectContaining({ code: "fx.csv_too_many_rows" }));
  });

  it("parses rate text exactly", () => {
    expect(parseRateText("1 234,5")).toBe("1234.5");
    expect(parseRateText("0.00000000001")).toBeNull(); // rounds to 0 at 10 decimals
    expect(parseRateText("12345678901")).toBeNull(); // > Decimal(20,10)
    expect(parseRateText("1.2.3")).toBeNull();
    expect(parseRateText("1e3")).toBeNull();
  });
});
