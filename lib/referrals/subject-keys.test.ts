import { describe, expect, it } from "vitest";
import { subjectKeys, websiteIdentity } from "./subject-keys";

describe("subject keys", () => {
  it("spells one website one way", () => {
    for (const raw of ["https://www.GlowLab.ru/", "glowlab.ru", "http://glowlab.ru/en/", "WWW.GLOWLAB.RU/shop?utm=1"]) {
      expect(websiteIdentity(raw), raw).toBe("glowlab.ru");
    }
  });

  it("keeps the path on shared hosts, where it is the identity", () => {
    expect(websiteIdentity("https://linktr.ee/GlowLab")).toBe("linktr.ee/glowlab");
    expect(websiteIdentity("glow.myshopify.com/collections")).toBe("glow.myshopify.com/collections");
    expect(websiteIdentity("not a site")).toBeNull();
  });

  it("combines website, handles and a contact e-mail, sorted and without repeats", () => {
    expect(
      subjectKeys({
        website: "https://www.GlowLab.ru/",
        platforms: [{ platform: "tiktok", handle: "@JessGlow" }, { platform: "telegram", handle: "https://t.me/glow_lab" }],
        contactChannel: "email",
        contactValue: " Anna@X.ru ",
      }),
    ).toEqual(["email:anna@x.ru", "telegram:glow_lab", "tiktok:jessglow", "web:glowlab.ru"]);
  });

  it("reads a profile link typed without https:// as a link", () => {
    expect(subjectKeys({ platforms: [{ platform: "telegram", handle: "t.me/Glow_Lab" }, { platform: "tiktok", handle: "www.tiktok.com/@JessGlow" }] })).toEqual([
      "telegram:glow_lab", "tiktok:jessglow",
    ]);
  });

  it("ignores a phone or Telegram contact: people, not the subject", () => {
    expect(subjectKeys({ contactChannel: "phone", contactValue: "+7 999 000-00-00" })).toEqual([]);
    expect(subjectKeys({ contactChannel: "telegram", contactValue: "@anna" })).toEqual([]);
  });
});
