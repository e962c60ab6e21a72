import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect as nextRedirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/kernel/errors";
import { requestClientIp } from "@/lib/http/request-ip";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FieldErrors, type FormState } from "@/lib/kernel/form";
import type { ActionState, ActionTarget, LocaleTarget } from "./types";
import { log } from "@/lib/ops/log";

// The core of the action client. Actions are declared with the kinds in ./client.ts (staff,
// partner, signed-in user: they run the guard in lib/auth/guard.ts) and ./public-client.ts (board
// visitors and auth pages: no session, so Auth.js is not even loaded). Each action says only what
// it needs (a permission, a schema, its body); this file does the rest the same way for all: the
// locale from the bound target, the target checked, the guard, the form parsed into translated
// field errors with what the user typed kept, expected failures (DomainError) as their message
// key, anything else logged and shown as a generic message, and revalidation/redirect once the
// body succeeded. Next's redirect/notFound pass through.

export type Shape = z.ZodRawShape;
/** The target's own fields (ids, flags) as the body sees them; none when the action declares none. */
export type Out<E extends Shape> = keyof E extends never ? object : z.output<z.ZodObject<E>>;
/** The same fields as a form binds them. */
export type In<E extends Shape> = keyof E extends never ? object : z.input<z.ZodObject<E>>;
type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Paths of the target's locale: `root("sign-in")` is `/en/sign-in`. */
export type LocalePaths = { root(rest?: string): string };
/** And of its tenant: `staff("referrals")` is `/en/t/<slug>/referrals`; `portal` is `/p/`, `board` `/o/`. */
export type TenantPaths = LocalePaths & { staff(rest?: string): string; portal(rest?: string): string; board(rest?: string): string };

const under = (prefix: string) => (rest?: string) => (rest ? `${prefix}/${rest}` : prefix);
export const localePaths = (locale: Locale): LocalePaths => ({ root: under(`/${locale}`) });
export const tenantPaths = (locale: Locale, target: ActionTarget): TenantPaths => ({
  root: under(`/${locale}`),
  staff: under(`/${locale}/t/${target.tenant}`),
  portal: under(`/${locale}/p/${target.tenant}`),
  board: under(`/${locale}/o/${target.tenant}`),
});

/** What every action body gets besides its context, target and parsed input. */
export type ActionTools<P> = {
  /** The target's locale, or "en" when it is not one of ours. */
  locale: Locale;
  paths: P;
  formData: FormData;
  /** What the user typed (see `values` in the options), for a state the body returns itself. */
  values: Record<string, string> | undefined;
  /** Parses the form with a schema chosen in the body; invalid input answers with translated field errors. */
  parse<S extends z.ZodType>(schema: S): z.output<S>;
  /** Answers with one field's error: a rule the schema cannot check. */
  invalid(field: string, key: string): never;
  /** The uploaded file in `field`, or that field's error: `required` when missing or empty, `tooLarge` above `maxBytes`. */
  file(field: string, maxBytes: number, keys: { required: string; tooLarge: string }): File;
  /** Revalidates the path once the body has succeeded (before any redirect). */
  revalidate(path: string, type?: "layout" | "page"): void;
  /** Revalidates what was asked for, then redirects. */
  redirect(path: string): never;
  /** The client's address (lib/http/request-ip.ts), read once. */
  clientIp(): Promise<string>;
};

export type ActionOptions<E extends Shape, S extends z.ZodType | undefined> = {
  /** The target's own fields (beyond locale and tenant); a target that does not match them is a 404. */
  target?: E;
  /** Parsed from the form before the body runs; invalid input never reaches it. */
  schema?: S;
  /** Whether a failed form is shown again with what was typed (default), and which fields never travel back. */
  values?: false | { omit: readonly string[] };
  /** DomainError codes that belong to one field of the form: code → field name. */
  errorFields?: Readonly<Record<string, string>>;
  /** A field the form has no input for: its error is also the form's message. */
  fieldAsMessage?: string;
  /** Checked after parsing, per client address: when `allow` says no, the answer is `code`. */
  rateLimit?: { allow(ip: string): Promise<boolean>; code: string };
};

export type Body<Ctx, T, S, P, R> = (args: ActionTools<P> & { ctx: Ctx; target: T; input: Input<S> }) => Promise<R | void>;

/** The function a form binds: `useActionState(action.bind(null, target), {})`. */
export type FormAction<T, R> = (target: T, prev: ActionState<R>, formData?: FormData) => Promise<ActionState<R>>;

/** How one kind of caller is checked: the target's base fields, the guard, the paths it may use. */
export type Kind<T extends LocaleTarget> = {
  shape: Shape;
  guard(locale: Locale, target: T): Promise<unknown>;
  paths(locale: Locale, target: T): unknown;
};
// Inside the client a target and a body are handled without their precise types; each kind in
// ./client.ts and ./public-client.ts states them for its callers, and formAction is the one place
// where the two meet (hence its casts).
type LooseOptions<T> = ActionOptions<Shape, z.ZodType | undefined> & {
  run(args: ActionTools<unknown> & { ctx: unknown; target: T; input: unknown }): Promise<FormState | void>;
};

export function formAction<T extends LocaleTarget, Bound, R>(kind: Kind<T>, options: object): FormAction<Bound, R> {
  return define(kind, options as LooseOptions<T>) as unknown as FormAction<Bound, R>;
}

/** Thrown by `parse`/`invalid` inside a body; answered as field errors. */
class InvalidForm {
  constructor(readonly fieldErrors: FieldErrors) {}
}

function withValues(state: FormState, values: Record<string, string> | undefined): FormState {
  return values ? { ...state, values } : state;
}

function echoed(formData: FormData, option: ActionOptions<Shape, undefined>["values"]): Record<string, string> | undefined {
  if (option === false) return undefined;
  const values = formValues(formData);
  for (const name of option?.omit ?? []) delete values[name];
  // A form without fields (a lone button) has nothing to show again.
  return Object.keys(values).length > 0 ? values : undefined;
}

/** An expected failure's code (an `errors` key); anything else is logged and becomes "unexpected", never a stack trace. */
export function failureCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  log().error({ err: error }, "action failed");
  return "unexpected";
}

function define<T extends LocaleTarget>(kind: Kind<T>, options: LooseOptions<T>) {
  const targetSchema = z.object({ ...kind.shape, ...options.target });
  return async (rawTarget: unknown, _prev: unknown, formData?: FormData): Promise<FormState> => {
    const parsedTarget = targetSchema.safeParse(rawTarget);
    // Bound by our own forms; anything else names nothing, like a missing tenant or row.
    if (!parsedTarget.success) notFound();
    const target = parsedTarget.data as T;
    const locale: Locale = isLocale(target.locale) ? target.locale : "en";
    const form = formData ?? new FormData();
    const values = echoed(form, options.values);
    const invalidState = (fieldErrors: FieldErrors): FormState => {
      const message = options.fieldAsMessage ? { message: fieldErrors[options.fieldAsMessage] } : {};
      return withValues({ ok: false, fieldErrors, ...message }, values);
    };
    const pending: [string, ("layout" | "page")?][] = [];
    const flush = () => {
      for (const [path, type] of pending.splice(0)) revalidatePath(path, type);
    };
    let ip: Promise<string> | undefined;
    const tools: ActionTools<unknown> = {
      locale,
      paths: kind.paths(locale, target),
      formData: form,
      values,
      parse(schema) {
        const parsed = parseForm(schema, form);
        if (!parsed.ok) throw new InvalidForm(parsed.fieldErrors);
        return parsed.data;
      },
      invalid(field, key) {
        throw new InvalidForm({ [field]: { key } });
      },
      file(field, maxBytes, keys) {
        const file = form.get(field);
        if (!(file instanceof File) || file.size === 0) throw new InvalidForm({ [field]: { key: keys.required } });
        if (file.size > maxBytes) throw new InvalidForm({ [field]: { key: keys.tooLarge } });
        return file;
      },
      revalidate: (path, type) => void pending.push([path, type]),
      redirect(path) {
        flush();
        nextRedirect(path);
      },
      clientIp: () => (ip ??= requestClientIp()),
    };

    let state: FormState;
    try {
      const ctx = await kind.guard(locale, target);
      const input = options.schema ? tools.parse(options.schema) : undefined;
      if (options.rateLimit && !(await options.rateLimit.allow(await tools.clientIp()))) throw new DomainError(options.rateLimit.code);
      state = (await options.run({ ...tools, ctx, target, input })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof InvalidForm) return invalidState(error.fieldErrors);
      const code = failureCode(error);
      const field = options.errorFields && Object.hasOwn(options.errorFields, code) ? options.errorFields[code] : undefined;
      if (error instanceof DomainError && field) return invalidState({ [field]: { key: code } });
      return withValues({ ok: false, message: { key: code } }, values);
    }
    if (state.ok) flush();
    return state;
  };
}

/**
 * For a form that shows no state (`<form action={action.bind(null, target)}>`, e.g. sign-out): the
 * same action, called as a plain form action; a failure is thrown, so the error page shows it.
 */
export function stateless<T>(action: FormAction<T, FormState>): (target: T, formData: FormData) => Promise<void> {
  return async (target, formData) => {
    const state = await action(target, {}, formData);
    if (!state.ok) throw new Error(`form action failed: ${state.message?.key ?? "invalid"}`);
  };
}

export const localeShape = { locale: z.string() };
export const tenantShape = { locale: z.string(), tenant: z.string() };
export type NoFields = Record<never, never>;
export type Options<Ctx, T, P, E extends Shape, S extends z.ZodType | undefined, R> = ActionOptions<E, S> & { run: Body<Ctx, T, S, P, R> };
