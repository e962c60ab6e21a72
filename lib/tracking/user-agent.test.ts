import { describe, expect, it } from "vitest";
import { deviceClass, isBotUserAgent } from "./user-agent";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const IPAD = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const ANDROID_PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";
const ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const YANDEX_BOT = "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)";

describe("deviceClass", () => {
  it.each([
    [IPHONE, "mobile"],
    [ANDROID_PHONE, "mobile"],
    [IPAD, "tablet"],
    [ANDROID_TABLET, "tablet"],
    [DESKTOP, "desktop"],
    ["", "unknown"],
    [undefined, "unknown"],
  ])("%s → %s", (ua, expected) => {
    expect(deviceClass(ua)).toBe(expected);
  });
});

describe("isBotUserAgent", () => {
  it("flags crawlers, scripts and a missing UA", () => {
    expect(isBotUserAgent(YANDEX_BOT)).toBe(true);
    expect(isBotUserAgent("curl/8.5.0")).toBe(true);
    expect(isBotUserAgent("")).toBe(true);
    expect(isBotUserAgent(undefined)).toBe(true);
  });

  it("lets browsers through", () => {
    for (const ua of [IPHONE, IPAD, ANDROID_PHONE, DESKTOP]) expect(isBotUserAgent(ua)).toBe(false);
  });
});
