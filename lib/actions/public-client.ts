import "server-only";
import type { z } from "zod";
import type { FormState } from "@/lib/kernel/form";
import {
  formAction, localePaths, localeShape, tenantPaths, tenantShape,
  type FormAction, type In, type LocalePaths, type NoFields, type Options, type Out, type Shape, type TenantPaths,
} from "./define-action";
import type { ActionTarget, LocaleTarget } from "./types";

// The action client for callers without a session: a tenant's public pages and the auth pages.
// No guard runs (and Auth.js is not loaded); the body proves what it needs — a tenant by its slug,
// an invitation by its token — and a rate limit per client address guards what anyone may post.

const nobody = async () => undefined;

/** Anyone, on a page without a tenant: sign-in, sign-up, invitations (the body proves what it needs). */
export function guestAction<E extends Shape = NoFields, S extends z.ZodType | undefined = undefined, R extends FormState = FormState>(
  options: Options<undefined, LocaleTarget<Out<E>>, LocalePaths, E, S, R>,
): FormAction<LocaleTarget<In<E>>, R> {
  return formAction<LocaleTarget, LocaleTarget<In<E>>, R>({ shape: localeShape, guard: nobody, paths: localePaths }, options);
}

/** Anyone, on a tenant's public pages (board opt-ins, program applications): the body finds the tenant by its slug. */
export function publicAction<E extends Shape = NoFields, S extends z.ZodType | undefined = undefined, R extends FormState = FormState>(
  options: Options<undefined, ActionTarget<Out<E>>, TenantPaths, E, S, R>,
): FormAction<ActionTarget<In<E>>, R> {
  return formAction<ActionTarget, ActionTarget<In<E>>, R>({ shape: tenantShape, guard: nobody, paths: tenantPaths }, options);
}

