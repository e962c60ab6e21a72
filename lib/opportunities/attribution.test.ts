import { describe, expect, it } from "vitest";
import { generateRefCode } from "@/lib/partners/ref-code";
import { claimForCredit, decideRefCookie, normalizeRefCode, readRefCookie, refCookieName, signRefCookie, withinWindow } from "./attribution";

const SECRET = "unit-test-secret";
const now = new Date("2026-11-20T12:00:00Z");
const nowS = Math.floor(now.getTime() / 1000);
const DAY = 86_400;

describe("share codes", () => {
  it("accepts 8 base32 characters in either case and nothing else", () => {
    expect(normalizeRefCode(" K7M2X9QA ")).toBe("k7m2x9qa");
    for (const bad of ["k7m2x9q", "k7m2x9qaa", "k7m2x9qi", "k7m2x9ql", "k7m2x9qo", "k7m2x9qu", "k7m2-9qa", "", null, undefined]) {
      expect(normalizeRefCode(bad), String(bad)).toBeNull();
    }
  });

  it("generates codes the links accept", () => {
    const codes = Array.from({ length: 500 }, generateRefCode);
    for (const code of codes) expect(normalizeRefCode(code)).toBe(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("names the cookie per agency", () => {
    expect(refCookieName("northstar")).toBe("tw_ref_northstar");
  });
});

describe("signed cookie", () => {
  const claim = { code: "k7m2x9qa", issuedAt: nowS };
  const value = signRefCookie("northstar", claim, SECRET);

  it("has the documented shape and reads back", () => {
    expect(value).toMatch(/^k7m2x9qa\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(readRefCookie("northstar", value, SECRET)).toEqual(claim);
  });

  it("rejects a forged, re-dated, re-coded or foreign cookie", () => {
    const [code, issued, mac] = value.split(".");
    expect(readRefCookie("northstar", `${code}.${issued}.${mac.slice(0, -1)}A`, SECRET)).toBeNull();
    expect(readRefCookie("northstar", `${code}.${Number(issued) + 1}.${mac}`, SECRET)).toBeNull();
    expect(readRefCookie("northstar", `abcdefgh.${issued}.${mac}`, SECRET)).toBeNull();
    expect(readRefCookie("volga", value, SECRET)).toBeNull();
    expect(readRefCookie("northstar", value, "another-secret")).toBeNull();
    for (const junk of ["", "k7m2x9qa", "k7m2x9qa.1", "a.b.c.d", `K7M2X9QA.${issued}.${mac}`, "x".repeat(500)]) {
      expect(readRefCookie("northstar", junk, SECRET), junk).toBeNull();
    }
  });
});

describe("attribution window", () => {
  it("includes the last second of the window and nothing after", () => {
    expect(withinWindow(nowS - 30 * DAY, now, 30)).toBe(true);
    expect(withinWindow(nowS - 30 * DAY - 1, now, 30)).toBe(false);
    expect(withinWindow(nowS, now, 1)).toBe(true);
  });

  it("refuses a claim issued in the future beyond clock skew", () => {
    expect(withinWindow(nowS + 60, now, 30)).toBe(true);
    expect(withinWindow(nowS + DAY, now, 30)).toBe(false);
  });

  it("credits only a verified cookie inside the window", () => {
    const fresh = signRefCookie("northstar", { code: "k7m2x9qa", issuedAt: nowS - 5 * DAY }, SECRET);
    const stale = signRefCookie("northstar", { code: "k7m2x9qa", issuedAt: nowS - 31 * DAY }, SECRET);
    expect(claimForCredit("northstar", fresh, SECRET, 30, now)).toEqual({ code: "k7m2x9qa", issuedAt: nowS - 5 * DAY });
    expect(claimForCredit("northstar", stale, SECRET, 30, now)).toBeNull();
    expect(claimForCredit("northstar", fresh, null, 30, now)).toBeNull();
    expect(claimForCredit("northstar", undefined, SECRET, 30, now)).toBeNull();
  });
});

describe("which click wins", () => {
  const earlier = { code: "aaaaaaaa", issuedAt: nowS - 3 * DAY };
  const base = { incomingCode: "bbbbbbbb", windowDays: 30, now };

  it("last click: the newest link replaces an earlier claim and restarts the window", () => {
    expect(decideRefCookie({ ...base, model: "last_click", existing: earlier, existingCreditable: true })).toEqual({ action: "set", claim: { code: "bbbbbbbb", issuedAt: nowS } });
  });

  it("first click: a valid earlier claim is kept", () => {
    expect(decideRefCookie({ ...base, model: "first_click", existing: earlier, existingCreditable: true })).toEqual({ action: "keep" });
  });

  it("first click: an expired or no longer creditable earlier claim is replaced", () => {
    const expired = { code: "aaaaaaaa", issuedAt: nowS - 31 * DAY };
    expect(decideRefCookie({ ...base, model: "first_click", existing: expired, existingCreditable: true }).action).toBe("set");
    expect(decideRefCookie({ ...base, model: "first_click", existing: earlier, existingCreditable: false }).action).toBe("set");
    expect(decideRefCookie({ ...base, model: "first_click", existing: null, existingCreditable: false }).action).toBe("set");
  });
});
