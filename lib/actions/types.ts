import type { FormState } from "@/lib/kernel/form";

/**
 * What a form binds to its server action (`action.bind(null, target)`): the page's locale and
 * tenant slug plus the ids the action needs. It travels through the browser, so the action client
 * validates it (lib/actions/client.ts) and the guard decides what the caller may do with it.
 */
export type ActionTarget<Extra extends object = object> = { locale: string; tenant: string } & Extra;

/** The same for pages without a tenant (sign-in, sign-up, invitations, the user's own settings). */
export type LocaleTarget<Extra extends object = object> = { locale: string } & Extra;

/** A form action's answer: a FormState plus the action's own fields, optional because a failure carries none. */
export type ActionState<R = FormState> = [R] extends [never] ? FormState : FormState & Partial<Omit<R, keyof FormState>>;

/** The answer of an action called from code with a payload (not a form): its result, or an `errors` key. */
export type CallResult<T> = { ok: true; result: T } | { ok: false; code: string };
