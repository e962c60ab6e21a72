import { describe, expect, it } from "vitest";
import { messageIn } from "./localized";

const both = { subjectEn: "Hello", bodyEn: "Body", subjectRu: "Привет", bodyRu: "Текст" };
const enOnly = { subjectEn: "Hello", bodyEn: "Body", subjectRu: null, bodyRu: null };
const ruOnly = { subjectEn: null, bodyEn: null, subjectRu: "Привет", bodyRu: "Текст" };

describe("messageIn", () => {
  it("gives each reader the version in their language", () => {
    expect(messageIn("en", both)).toEqual({ subject: "Hello", body: "Body", lang: "en", fallback: false });
    expect(messageIn("ru", both)).toEqual({ subject: "Привет", body: "Текст", lang: "ru", fallback: false });
  });
  it("falls back to the other language and says so", () => {
    expect(messageIn("ru", enOnly)).toEqual({ subject: "Hello", body: "Body", lang: "en", fallback: true });
    expect(messageIn("en", ruOnly)).toEqual({ subject: "Привет", body: "Текст", lang: "ru", fallback: true });
  });
  it("refuses a message without any language", () => {
    expect(() => messageIn("en", { subjectEn: null, bodyEn: null, subjectRu: null, bodyRu: null })).toThrow();
  });
});
