import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, cookieValue, countryFrom, hasCookie, isHttps, referrerHostFrom } from "./request-info";

const req = (headers: Record<string, string>, remoteAddress = "10.0.0.9", encrypted = false) =>
  ({ headers, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage;

describe("countryFrom", () => {
  it("takes the first valid proxy header, uppercased", () => {
    expect(countryFrom({ "cf-ipcountry": "ru" })).toBe("RU");
    expect(countryFrom({ "x-vercel-ip-country": "US" })).toBe("US");
    expect(countryFrom({ "x-country-code": "KZ" })).toBe("KZ");
    expect(countryFrom({ "cf-ipcountry": "XX", "x-country-code": "AM" })).toBe("AM");
  });

  it("ignores unknown, Tor and malformed values", () => {
    expect(countryFrom({ "cf-ipcountry": "XX" })).toBeNull();
    expect(countryFrom({ "cf-ipcountry": "T1" })).toBeNull();
    expect(countryFrom({ "cf-ipcountry": "USA" })).toBeNull();
    expect(countryFrom({ "cf-ipcountry": "<s" })).toBeNull();
    expect(countryFrom({})).toBeNull();
  });
});

describe("referrerHostFrom", () => {
  it("keeps only the lowercase host", () => {
    expect(referrerHostFrom("https://Blog.Example.COM/post/42?token=secret")).toBe("blog.example.com");
  });

  it("drops non-web and unparsable referrers", () => {
    expect(referrerHostFrom("android-app://com.example")).toBeNull();
    expect(referrerHostFrom("not a url")).toBeNull();
    expect(referrerHostFrom(undefined)).toBeNull();
    expect(referrerHostFrom(`https://${"a".repeat(250)}.${"b".repeat(10)}.com/`)).toBeNull();
  });
});

describe("clientIp and isHttps", () => {
  it("uses the socket unless a trusted proxy forwards", () => {
    // The client forged "198.51.100.66"; the trusted proxy appended the address it saw.
    const r = req({ "x-forwarded-for": "198.51.100.66, 203.0.113.7", "x-forwarded-proto": "https" });
    expect(clientIp(r, false)).toBe("10.0.0.9");
    expect(clientIp(r, true)).toBe("203.0.113.7");
    expect(isHttps(r, false)).toBe(false);
    expect(isHttps(r, true)).toBe(true);
    expect(isHttps(req({}, "10.0.0.9", true), false)).toBe(true);
  });
});

describe("cookies", () => {
  it("finds a cookie by exact name", () => {
    expect(cookieValue("a=1; tw_fc=abc; tw_lc=def", "tw_fc")).toBe("abc");
    expect(cookieValue("xtw_fc=abc", "tw_fc")).toBeNull();
    expect(hasCookie("tw_fc=", "tw_fc")).toBe(false);
    expect(hasCookie(undefined, "tw_fc")).toBe(false);
  });
});
