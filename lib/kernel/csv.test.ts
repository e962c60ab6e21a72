import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes delimiters, quotes and line breaks", () => {
    expect(csvCell("plain", ",")).toBe("plain");
    expect(csvCell("Lee, Marcus", ",")).toBe('"Lee, Marcus"');
    expect(csvCell("Lee, Marcus", ";")).toBe("Lee, Marcus");
    expect(csvCell('say "hi"', ",")).toBe('"say ""hi"""');
    expect(csvCell("two\nlines", ",")).toBe('"two\nlines"');
  });

  it("defuses formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")", ",")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+7 999 000-00-00", ",")).toBe("'+7 999 000-00-00");
    expect(csvCell("@handle", ",")).toBe("'@handle");
  });

  it("starts with a BOM and ends rows with CRLF", () => {
    expect(toCsv([["a", "Белый Лён"], ["1", "2"]])).toBe("\uFEFFa,Белый Лён\r\n1,2\r\n");
  });
});
