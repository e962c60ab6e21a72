import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, formValues, hasControlCharacters, parseForm } from "./form";
import { PROTOTYPE_FIELD_NAMES } from "./hostile-field-names";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const polluted = () => ({}) as Record<string, unknown>;

afterEach(() => {
  // If a test failed by polluting, do not let it fail the others too.
  for (const proto of [Object.prototype, Array.prototype] as unknown as Record<string, unknown>[]) delete proto.polluted;
});

describe("formDataToObject", () => {
  it("nests dotted names into objects and arrays", () => {
    const object = formDataToObject(form([["name", "Jess"], ["platforms.0.handle", "@j"], ["platforms.1.handle", "@k"], ["tags[]", "a"], ["tags[]", "b"]]));
    expect(JSON.parse(JSON.stringify(object))).toEqual({ name: "Jess", platforms: [{ handle: "@j" }, { handle: "@k" }], tags: ["a", "b"] });
  });

  it("builds objects without a prototype at every level", () => {
    const object = formDataToObject(form([["a.b.c", "1"], ["list.0.x", "2"]]));
    expect(Object.getPrototypeOf(object)).toBeNull();
    expect(Object.getPrototypeOf(object.a)).toBeNull();
    expect(Object.getPrototypeOf((object.a as Record<string, unknown>).b)).toBeNull();
    expect(Object.getPrototypeOf((object.list as unknown[])[0])).toBeNull();
  });

  it.each(PROTOTYPE_FIELD_NAMES)("never reaches Object.prototype through %s", (name) => {
    const object = formDataToObject(form([[name, "yes"], ["a.b", "1"], ["platforms.0.handle", "@j"]]));
    expect(polluted().polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(Object.keys(object)).not.toContain("__proto__");
    expect(Object.keys(object)).not.toContain("constructor");
  });

  it("survives a name that clashes with another field's shape", () => {
    expect(() => formDataToObject(form([["a", "x"], ["a.b", "y"], ["c.d", "1"], ["c", "2"], ["e", "s"], ["e[]", "t"]]))).not.toThrow();
  });

  it("does not build a huge sparse array from a large index", () => {
    const object = formDataToObject(form([["platforms.4294967294.handle", "x"]]));
    expect(object.platforms).toBeUndefined();
  });
});

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(1), platforms: z.array(z.object({ handle: z.string() })).optional() });

  it("still parses null-prototype objects with zod (objects, arrays, records) into plain ones", () => {
    const parsed = parseForm(schema, form([["name", "Jess"], ["platforms.0.handle", "@j"]]));
    expect(parsed).toEqual({ ok: true, data: { name: "Jess", platforms: [{ handle: "@j" }] } });
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    const bare = Object.assign(Object.create(null), { a: "1", n: Object.assign(Object.create(null), { b: "x" }) });
    expect(z.object({ a: z.coerce.number(), n: z.object({ b: z.string() }) }).parse(bare)).toEqual({ a: 1, n: { b: "x" } });
    expect(z.strictObject({ a: z.string(), n: z.record(z.string(), z.string()) }).parse(bare)).toEqual({ a: "1", n: { b: "x" } });
  });

  it.each(PROTOTYPE_FIELD_NAMES)("answers %s with field_name_invalid", (name) => {
    const parsed = parseForm(schema, form([["name", "Jess"], [name, "yes"]]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.hasOwn(parsed.fieldErrors, name)).toBe(true);
      expect(parsed.fieldErrors[name]).toEqual({ key: "field_name_invalid" });
      expect(Object.getPrototypeOf(parsed.fieldErrors)).toBe(Object.prototype);
    }
    expect(polluted().polluted).toBeUndefined();
  });

  it.each(["\u0000", "a\u0000b", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b[31m", "\u001f", "\u007f"])(
    "refuses the control character in %j with control_characters",
    (text) => {
      const parsed = parseForm(schema, form([["name", `Jess${text}`]]));
      expect(parsed).toEqual({ ok: false, fieldErrors: { name: { key: "control_characters" } } });
    },
  );

  it("counts lone surrogates as control characters (FormData itself already replaces them)", () => {
    expect(hasControlCharacters("\ud800")).toBe(true);
    expect(hasControlCharacters("x\udc00y")).toBe(true);
    expect(hasControlCharacters("\ud83d\ude00")).toBe(false);
  });

  it("keeps tab, line breaks and real unicode", () => {
    const name = "Jess\tGlow\r\nЖеня 😀 ﷽";
    expect(parseForm(schema, form([["name", name]]))).toEqual({ ok: true, data: { name } });
    expect(hasControlCharacters(name)).toBe(false);
  });

  it("reports schema errors of the other fields too", () => {
    const parsed = parseForm(schema, form([["name", ""], ["__proto__.x", "1"]]));
    expect(parsed).toEqual({ ok: false, fieldErrors: { name: { key: "required" }, "__proto__.x": { key: "field_name_invalid" } } });
  });
});

describe("formValues", () => {
  it("keeps what was typed but not prototype names", () => {
    const values = formValues(form([["name", "Jess"], ["constructor", "x"], ["__proto__", "y"], ["tags[]", "a"], ["tags[]", "b"]]));
    expect(values).toEqual({ name: "Jess", "tags[]": "a,b" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
