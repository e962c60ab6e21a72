import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskedTin, normalizeTin, parseTaxKey, protectTin, revealTin } from "./tin";

const hexKey = randomBytes(32).toString("hex");
const b64Key = randomBytes(32).toString("base64");

describe("TAX_ENCRYPTION_KEY", () => {
  it("accepts 32 bytes as hex or base64, none when unset", () => {
    expect(parseTaxKey(hexKey)?.length).toBe(32);
    expect(parseTaxKey(b64Key)?.length).toBe(32);
    expect(parseTaxKey(undefined)).toBeNull();
    expect(parseTaxKey("  ")).toBeNull();
  });

  it("rejects keys of the wrong length or encoding", () => {
    expect(() => parseTaxKey(randomBytes(16).toString("hex"))).toThrow(/32 bytes/);
    expect(() => parseTaxKey(randomBytes(31).toString("base64"))).toThrow(/32 bytes/);
    expect(() => parseTaxKey("not a key at all, definitely not base64!!")).toThrow(/32 bytes/);
  });
});

describe("TIN storage", () => {
  it("normalises SSN and EIN spellings, refuses anything else", () => {
    expect(normalizeTin("123-45-6789")).toBe("123456789");
    expect(normalizeTin("12-3456789")).toBe("123456789");
    expect(normalizeTin("123 45 6789")).toBe("123456789");
    expect(normalizeTin("12345678")).toBeNull();
    expect(normalizeTin("12345678a")).toBeNull();
  });

  it("without a key keeps only the last four digits", () => {
    expect(protectTin("123-45-6789", "t:p", "")).toEqual({ tinEncrypted: null, tinLast4: "6789" });
  });

  it("with a key encrypts (never the digits in clear) and decrypts with the same binding only", () => {
    const stored = protectTin("123-45-6789", "t:p", hexKey);
    expect(stored.tinLast4).toBe("6789");
    expect(stored.tinEncrypted).not.toContain("123456789");
    expect(stored.tinEncrypted).not.toBe(protectTin("123-45-6789", "t:p", hexKey).tinEncrypted); // fresh IV
    expect(revealTin(stored.tinEncrypted!, "t:p", hexKey)).toBe("123456789");
    expect(() => revealTin(stored.tinEncrypted!, "t:other", hexKey)).toThrow();
    expect(() => revealTin(stored.tinEncrypted!, "t:p", randomBytes(32).toString("hex"))).toThrow();
  });

  it("shows a stored TIN masked", () => {
    expect(maskedTin("6789")).toBe("•••• 6789");
    expect(maskedTin(null)).toBeNull();
  });
});
