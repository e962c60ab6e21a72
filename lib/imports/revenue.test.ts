import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/kernel/csv-read";
import { chunk, parseRevenueFile } from "./revenue-csv";
import { mapRevenueRow, parseOccurredAt } from "./revenue-row";

const header = "type;occurred_at;customer_external_id;amount;currency";

describe("readCsv", () => {
  it("takes the delimiter from the header, so decimal commas survive", () => {
    const read = readCsv("a;b\n1,5;2\n", 10);
    expect(read.ok && read.table.rows[0].cells).toEqual(["1,5", "2"]);
  });
  it("numbers rows like a spreadsheet, blank lines keep their numbers", () => {
    const read = readCsv("a,b\n1,2\n\n3,4\n", 10);
    expect(read.ok && read.table.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe("parseRevenueFile", () => {
  it("checks the header: missing and unknown columns", () => {
    expect(parseRevenueFile("type;occurred_at;currency\nrevenue;2026-11-26;USD")).toEqual({
      ok: false,
      problem: { code: "fx.import_columns_missing", values: { columns: "customer_external_id, amount" } },
    });
    expect(parseRevenueFile(`${header};ammount_minor\nx`)).toMatchObject({ ok: false, problem: { code: "fx.import_columns_unknown", values: { columns: "ammount_minor" } } });
    expect(parseRevenueFile("")).toEqual({ ok: false, problem: { code: "fx.import_empty" } });
  });

  it("accepts amount_minor instead of amount, header case-insensitive", () => {
    const file = parseRevenueFile("Type,Occurred At,Customer_External_ID,Amount_Minor,Currency\nrevenue,2026-11-26,c1,100,USD\n");
    expect(file).toMatchObject({ ok: true, rows: [{ row: 2, occurrence: 1, values: { amount_minor: "100", currency: "USD" } }] });
  });

  it("clips over-long cells so the row fails on its own instead of the whole chunk", () => {
    const file = parseRevenueFile(`${header}\nrevenue;2026-11-20;${"x".repeat(5000)};10;USD\n`);
    expect(file.ok && file.rows[0].values.customer_external_id?.length).toBe(1001);
  });

  it("numbers exact repeats of a row so identical payments stay separate", () => {
    const file = parseRevenueFile(`${header}\nrevenue;2026-11-26;c1;10;USD\nrevenue;2026-11-26;c2;10;USD\nrevenue;2026-11-26;c1;10;USD\n`);
    expect(file.ok && file.rows.map((r) => r.occurrence)).toEqual([1, 1, 2]);
  });

  it("chunks rows", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    // by size too: three 10-character strings (12 chars of JSON each) with a 30-char budget
    expect(chunk(["a".repeat(10), "b".repeat(10), "c".repeat(10)], 200, 30)).toHaveLength(2);
  });
});

describe("mapRevenueRow", () => {
  const raw = (values: Record<string, string>, occurrence = 1) => ({ row: 7, occurrence, values });

  it("converts major units to minor units per currency exponent", () => {
    const cases: [string, string, string][] = [
      ["1234.56", "USD", "123456"],
      ["1 234,56", "RUB", "123456"],
      ["1,234.5", "EUR", "123450"],
      ["1500", "JPY", "1500"],
      ["12 500,00", "KZT", "1250000"],
    ];
    for (const [amount, currency, minor] of cases) {
      const mapped = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount, currency }));
      expect(mapped.ok && mapped.json.amount_minor, `${amount} ${currency}`).toBe(minor);
    }
  });

  it("rejects amounts with more decimals than the currency has, with the column named", () => {
    const jpy = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount: "10.5", currency: "JPY" }));
    expect(jpy).toEqual({ ok: false, errors: [{ row: 7, column: "amount", code: "fx.import_amount_invalid" }] });
    const conflict = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount: "1.00", amount_minor: "99", currency: "USD" }));
    expect(conflict).toMatchObject({ ok: false, errors: [{ column: "amount", code: "fx.import_amount_conflict" }] });
    const date = mapRevenueRow(raw({ type: "revenue", occurred_at: "31.11.2026", customer_external_id: "c1", amount: "1", currency: "USD" }));
    expect(date).toMatchObject({ ok: false, errors: [{ row: 7, column: "occurred_at", code: "fx.import_date_invalid" }] });
  });

  it("derives a stable idempotency key from normalized content", () => {
    const a = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount: "1234.56", currency: "USD" }));
    const b = mapRevenueRow(raw({ type: "Revenue", occurred_at: "26.11.2026", customer_external_id: " c1 ", amount: "1 234,56", currency: "usd", customer_name: "Anna" }));
    const other = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount: "1234.57", currency: "USD" }));
    const second = mapRevenueRow(raw({ type: "revenue", occurred_at: "2026-11-26", customer_external_id: "c1", amount: "1234.56", currency: "USD" }, 2));
    if (!a.ok || !b.ok || !other.ok || !second.ok) throw new Error("expected rows to map");
    expect(a.keyDerived).toBe(true);
    expect(a.json.idempotency_key).toMatch(/^csv-[0-9a-f]{64}$/);
    expect(b.json.idempotency_key).toBe(a.json.idempotency_key);
    expect(other.json.idempotency_key).not.toBe(a.json.idempotency_key);
    expect(second.json.idempotency_key).not.toBe(a.json.idempotency_key);
  });

  it("keeps a given idempotency key", () => {
    const mapped = mapRevenueRow(raw({ type: "lead", occurred_at: "2026-11-26T10:00:00+03:00", idempotency_key: "crm-42" }));
    expect(mapped).toMatchObject({ ok: true, keyDerived: false, json: { idempotency_key: "crm-42", occurred_at: "2026-11-26T07:00:00.000Z" } });
  });

  it("reads dates without an offset as UTC", () => {
    expect(parseOccurredAt("2026-11-26 14:30")).toBe("2026-11-26T14:30:00.000Z");
    expect(parseOccurredAt("26.11.2026 14:30:15")).toBe("2026-11-26T14:30:15.000Z");
    expect(parseOccurredAt("2026-11-26T14:30:00Z")).toBe("2026-11-26T14:30:00.000Z");
    expect(parseOccurredAt("2026-11-26 25:00")).toBeNull();
    expect(parseOccurredAt("yesterday")).toBeNull();
  });
});
