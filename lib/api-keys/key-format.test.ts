import { describe, expect, it } from "vitest";
import { bearerKey, generateApiKey, hashApiKey, isWellFormedKey } from "./key-format";

describe("API key format", () => {
  it("is tw_live_ + 32 base62 characters, prefix = first 16, hash = sha256 hex of the key", () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(key).toMatch(/^tw_live_[0-9A-Za-z]{32}$/);
    expect(prefix).toBe(key.slice(0, 16));
    expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash).toBe(hashApiKey(key));
    expect(keyHash).not.toContain(key.slice(8));
  });

  it("does not repeat (1000 keys, 1000 distinct prefixes)", () => {
    const keys = Array.from({ length: 1000 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(1000);
  });

  it("reads only a well-formed Bearer header", () => {
    const { key } = generateApiKey();
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer ${key}`)).toBe(key);
    for (const bad of [null, "", key, `Basic ${key}`, `Bearer ${key}x`, `Bearer ${key} extra`, "Bearer tw_live_short", `Bearer ${key.replace("tw_live_", "tw_test_")}`]) {
      expect(bearerKey(bad), String(bad)).toBeNull();
    }
    expect(isWellFormedKey(`${key.slice(0, -1)}-`)).toBe(false);
  });
});
