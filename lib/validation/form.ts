import type { z } from "zod";

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

/** Turns FormData into a plain object; `platforms.0.handle` style names become nested arrays/objects. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue;
    const value = typeof raw === "string" ? raw : raw.name;
    const path = name.split(".");
    let node: Record<string, unknown> = out;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      if (last) {
        if (name.endsWith("[]") || Array.isArray(node[segment])) {
          const key = segment.replace(/\[\]$/, "");
          node[key] = [...((node[key] as unknown[]) ?? []), value];
        } else node[segment] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]);
      node[segment] ??= nextIsIndex ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return out;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, raw] of formData.entries()) {
    if (typeof raw === "string" && !name.startsWith("$ACTION")) {
      values[name] = values[name] !== undefined ? `${values[name]},${raw}` : raw;
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
    fieldErrors[path] ??= issueToMessage(issue);
  }
  return fieldErrors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const result = schema.safeParse(formDataToObject(formData));
  return result.success ? { ok: true, data: result.data } : { ok: false, fieldErrors: zodFieldErrors(result.error) };
}
