import { describe, expect, it } from "vitest";
import { decodeStatement, parseStatementCsv } from "./statement-csv";

// "Дата;Сумма;Назначение" + a line, encoded in windows-1251 by hand (А = 0xC0 … я = 0xFF, ё = 0xB8).
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x451) return 0xb8;
    throw new Error(`no cp1251 byte for ${ch}`);
  }));
}

describe("statement CSV", () => {
  it("reads UTF-8 and windows-1251 files alike", () => {
    const text = "Дата;Сумма;Назначение\n27.11.2026;1 000,50;Выплата, ref TW-5-ABCD1234, НДС не облагается\n";
    for (const bytes of [new TextEncoder().encode(text), cp1251(text)]) {
      const { lines, errors } = parseStatementCsv(decodeStatement(bytes));
      expect(errors).toEqual([]);
      expect(lines).toEqual([{
        lineNo: 2, bookedOn: new Date("2026-11-27T00:00:00Z"), amountMinor: 100050n, currency: "RUB", payeeName: null,
        purpose: "Выплата, ref TW-5-ABCD1234, НДС не облагается", reference: "TW-5-ABCD1234",
      }]);
    }
  });

  it("takes the reference from a reference column too, and reads a debit as the amount paid", () => {
    const { lines } = parseStatementCsv("date,amount,currency,reference\n2026-11-27,-12.34,usd,TW-9-Q\n");
    expect(lines[0]).toMatchObject({ amountMinor: 1234n, currency: "USD", reference: "TW-9-Q" });
  });

  it("reports a zero amount and a line without a date", () => {
    const { errors } = parseStatementCsv("date;amount;purpose\n2026-11-27;0,00;x\n;5;y\n");
    expect(errors).toEqual([
      { row: 2, column: "amount", code: "payouts.statement_amount_invalid" },
      { row: 3, column: "date", code: "payouts.statement_date_invalid" },
    ]);
  });
});
