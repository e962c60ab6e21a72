import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/kernel/errors";
import { parseCbrDaily, parseDottedDate } from "./cbr";

const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), "tests/fixtures", name)));
const rate = (file: ReturnType<typeof parseCbrDaily>, code: string) => file.rates.find((r) => r.base === code)?.rate;

describe("parseCbrDaily", () => {
  it("parses the UTF-8 daily file: day, USD, per-unit rates for Nominal 100", () => {
    const file = parseCbrDaily(fixture("cbr-daily-2026-11-26.xml"));
    expect(file.day.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(file.rates).toHaveLength(12);
    expect(file.rates.every((r) => r.quote === "RUB" && r.day.getTime() === file.day.getTime())).toBe(true);
    expect(rate(file, "USD")).toBe("78.1234");
    expect(rate(file, "KZT")).toBe("0.156789"); // 15,6789 per 100
    expect(rate(file, "AMD")).toBe("0.201234");
    expect(rate(file, "JPY")).toBe("0.504321");
    expect(rate(file, "TJS")).toBe("7.33333"); // per 10
    expect(rate(file, "AED")).toBe("21.272");
  });

  it("decodes the windows-1251 file by its declared encoding", () => {
    const bytes = fixture("cbr-daily-2026-11-27.windows-1251.xml");
    // The bytes really are single-byte Cyrillic: "Д" of "Доллар" is 0xC4 in windows-1251.
    expect(bytes.includes(0xc4)).toBe(true);
    const file = parseCbrDaily(bytes);
    expect(file.day.toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(rate(file, "USD")).toBe("78.5");
    expect(rate(file, "KZT")).toBe("0.156789");
  });

  it("rejects malformed files with a translatable error", () => {
    const bad = [
      "not xml at all",
      "<ValCurs Date=\"26.11.2026\"><Valute>", // unclosed
      "<ValCurs Date=\"31.02.2026\"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>1,0</Value></Valute></ValCurs>",
      "<ValCurs Date=\"26.11.2026\"></ValCurs>",
      "<ValCurs Date=\"26.11.2026\"><Valute><CharCode>usd</CharCode><Nominal>1</Nominal><Value>1,0</Value></Valute></ValCurs>",
      "<ValCurs Date=\"26.11.2026\"><Valute><CharCode>USD</CharCode><Nominal>0</Nominal><Value>1,0</Value></Valute></ValCurs>",
      "<ValCurs Date=\"26.11.2026\"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>abc</Value></Valute></ValCurs>",
      "<Other Date=\"26.11.2026\"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>1,0</Value></Valute></Other>",
    ];
    for (const text of bad) {
      expect(() => parseCbrDaily(text), text).toThrow(DomainError);
      try {
        parseCbrDaily(text);
      } catch (error) {
        expect((error as DomainError).code).toBe("fx.cbr_invalid");
      }
    }
  });

  it("rejects an unknown declared encoding", () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><ValCurs/>');
    expect(() => parseCbrDaily(bytes)).toThrow(expect.objectContaining({ code: "fx.cbr_encoding_unsupported" }));
  });

  it("parses dotted dates strictly", () => {
    expect(parseDottedDate("01.03.2026")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseDottedDate("29.02.2026")).toBeNull();
    expect(parseDottedDate("2026-03-01")).toBeNull();
  });
});
