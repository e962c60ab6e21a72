import { describe, expect, it } from "vitest";
import { cleanString, controlCharacterKey, hasControlCharacters } from "./text";

describe("control characters", () => {
  it("are C0 controls other than tab, LF and CR, DEL and lone surrogates", () => {
    for (let code = 0; code < 0x20; code++) {
      expect(hasControlCharacters(`a${String.fromCharCode(code)}b`)).toBe(![0x09, 0x0a, 0x0d].includes(code));
    }
    expect(hasControlCharacters("\u007f")).toBe(true);
    expect(hasControlCharacters("\ud800")).toBe(true);
    expect(hasControlCharacters("\udfff")).toBe(true);
    expect(hasControlCharacters("Женя 😀 \u00a0 \u200b \u0085")).toBe(false);
  });

  it("fail a cleanString with the control_characters key", () => {
    expect(cleanString().safeParse("ok\tfine").success).toBe(true);
    expect(cleanString().safeParse("x\u0000").error?.issues[0].message).toBe("control_characters");
  });

  it("are found by column in a record", () => {
    expect(controlCharacterKey({ a: "1", b: "2\u0000", c: undefined })).toBe("b");
    expect(controlCharacterKey({ a: "1" })).toBeUndefined();
  });
});
