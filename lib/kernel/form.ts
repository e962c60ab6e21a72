import type { z } from "zod";
import { hasControlCharacters } from "./text";

export { hasControlCharacters };

/** A translatable message: an `errors` namespace key plus interpolation values. */
export type Message = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, Message>;

export type FormState = {
  ok?: boolean;
  message?: Message;
  fieldErrors?: FieldErrors;
  /** What the user typed, so a rejected form can be shown again without losing input. */
  values?: Record<string, string>;
};

/** Path segments that would reach an object's prototype; a field name using one is refused. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
/** The largest array index a field name may use (`platforms.49.handle`); more is not a real form. */
const MAX_INDEX = 999;

/** Sets an own property even when the key is `__proto__` (plain `obj[key] =` would set the prototype). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function segmentName(segment: string): string {
  return segment.endsWith("[]") ? segment.slice(0, -2) : segment;
}

/** Whether a field name may be followed into nested objects: no prototype segments, no control characters, sane indexes. */
export function isSafeFieldName(name: string): boolean {
  if (hasControlCharacters(name)) return false;
  return name.split(".").every((segment) => {
    const key = segmentName(segment);
    if (FORBIDDEN_SEGMENTS.has(key)) return false;
    return !/^\d+$/.test(key) || Number(key) <= MAX_INDEX;
  });
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null;

/**
 * FormData read into nested objects, plus the fields refused on the way: a name that reaches for a
 * prototype (`__proto__.x`, `constructor.prototype.x`) or clashes with another field's shape gets
 * `field_name_invalid`; a value with control characters gets `control_characters`. Every object
 * is built without a prototype, so no field name can reach `Object.prototype`.
 */
export function readFormData(formData: FormData): { object: Node; fieldErrors: FieldErrors } {
  const out: Node = Object.create(null);
  const fieldErrors: FieldErrors = {};
  for (const [name, raw] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue;
    const value = typeof raw === "string" ? raw : raw.name;
    if (!isSafeFieldName(name) || !place(out, name, value)) {
      setOwn(fieldErrors, name, { key: "field_name_invalid" });
    } else if (hasControlCharacters(value)) {
      setOwn(fieldErrors, name, { key: "control_characters" });
    }
  }
  return { object: out, fieldErrors };
}

/** Puts one value at its dotted path; false when the path collides with a value of another shape. */
function place(out: Node, name: string, value: string): boolean {
  const path = name.split(".");
  let node: Node = out;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (existing === undefined) {
      const child = /^\d+$/.test(path[i + 1]) ? [] : Object.create(null);
      node[segment] = child;
      node = child;
    } else if (isNode(existing)) node = existing;
    else return false;
  }
  const segment = path[path.length - 1];
  const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
  if (name.endsWith("[]") || Array.isArray(existing)) {
    const key = segmentName(segment);
    const list = Object.hasOwn(node, key) ? node[key] : undefined;
    if (list !== undefined && !Array.isArray(list)) return false;
    node[key] = [...((list as unknown[] | undefined) ?? []), value];
    return true;
  }
  if (isNode(existing)) return false;
  node[segment] = value;
  return true;
}

/**
 * Turns FormData into an object; `platforms.0.handle` style names become nested arrays/objects.
 * Objects have no prototype; refused names (see readFormData) are left out.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  return readFormData(formData).object;
}

/** What the user typed, by field name, to show a rejected form again (names that are not fields are left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, raw] of formData.entries()) {
    if (typeof raw === "string" && !name.startsWith("$ACTION") && isSafeFieldName(name)) {
      values[name] = Object.hasOwn(values, name) ? `${values[name]},${raw}` : raw;
    }
  }
  return values;
}

/** Maps one zod issue to a translatable message (keys live in locales/<lng>/errors.json). */
export function issueToMessage(issue: z.core.$ZodIssue): Message {
  // A schema can name its own key: `.refine(fn, { message: "website_invalid" })`.
  if (issue.code === "custom" || (issue.message && /^[a-z_]+$/.test(issue.message))) {
    return { key: issue.message || "invalid" };
  }
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 && issue.origin === "string"
        ? { key: "required" }
        : { key: issue.origin === "string" ? "too_short" : "too_small", values: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: issue.origin === "string" ? "too_long" : issue.origin === "array" ? "too_many_items" : "too_big", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "invalid_email" : issue.format === "url" ? "invalid_url" : "invalid_format" };
    case "invalid_value":
      return { key: "invalid_choice" };
    case "invalid_type":
      return { key: issue.input === undefined ? "required" : "invalid_type" };
    default:
      return { key: "invalid" };
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    if (!Object.hasOwn(fieldErrors, path)) setOwn(fieldErrors, path, issueToMessage(issue));
  }
  return fieldErrors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/**
 * Validates a form with its schema. Refused field names and values with control characters are
 * field errors of their own, whatever the schema says, so they never reach a domain function.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const { object, fieldErrors: refused } = readFormData(formData);
  const result = schema.safeParse(object);
  if (Object.keys(refused).length === 0) {
    return result.success ? { ok: true, data: result.data } : { ok: false, fieldErrors: zodFieldErrors(result.error) };
  }
  const fieldErrors = result.success ? {} : zodFieldErrors(result.error);
  for (const [name, message] of Object.entries(refused)) setOwn(fieldErrors, name, message);
  return { ok: false, fieldErrors };
}
