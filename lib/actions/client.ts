import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requirePartner, requireTenant, requireUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/kernel/form";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import {
  failureCode, formAction, localePaths, localeShape, tenantPaths, tenantShape,
  type FormAction, type In, type LocalePaths, type NoFields, type Options, type Out, type Shape, type TenantPaths,
} from "./define-action";
import type { ActionTarget, CallResult, LocaleTarget } from "./types";

// The action client for callers with a session: every server action of staff, partners and
// signed-in users is declared with one of these, and says only what it needs. What each does for
// it is in ./define-action.ts; callers without a session use ./public-client.ts.

type StaffContext = Awaited<ReturnType<typeof requireTenant>>;
type PartnerCtx = Awaited<ReturnType<typeof requirePartner>>;
type SignedInUser = Awaited<ReturnType<typeof requireUser>>;

/** Staff of the target's tenant with `permission` (requireTenant: foreign tenant → 404, missing permission → "forbidden"). */
export function tenantAction<E extends Shape = NoFields, S extends z.ZodType | undefined = undefined, R extends FormState = FormState>(
  options: Options<StaffContext, ActionTarget<Out<E>>, TenantPaths, E, S, R> & { permission: Permission },
): FormAction<ActionTarget<In<E>>, R> {
  const guard = (locale: Locale, target: ActionTarget) => requireTenant(locale, target.tenant, options.permission);
  return formAction({ shape: tenantShape, guard, paths: tenantPaths }, options);
}

/** An active partner of the target's tenant, in the portal (requirePartner). */
export function partnerAction<E extends Shape = NoFields, S extends z.ZodType | undefined = undefined, R extends FormState = FormState>(
  options: Options<PartnerCtx, ActionTarget<Out<E>>, TenantPaths, E, S, R>,
): FormAction<ActionTarget<In<E>>, R> {
  const guard = (locale: Locale, target: ActionTarget) => requirePartner(locale, target.tenant);
  return formAction({ shape: tenantShape, guard, paths: tenantPaths }, options);
}

/** A signed-in user, before any tenant (requireUser: signed out → the sign-in page). */
export function userAction<E extends Shape = NoFields, S extends z.ZodType | undefined = undefined, R extends FormState = FormState>(
  options: Options<SignedInUser, LocaleTarget<Out<E>>, LocalePaths, E, S, R>,
): FormAction<LocaleTarget<In<E>>, R> {
  const guard = (locale: Locale) => requireUser(locale);
  return formAction({ shape: localeShape, guard, paths: localePaths }, options);
}

/**
 * Staff, called from client code with a payload instead of a form (the chunked revenue import):
 * `payload` is checked with `schema` (invalid → `invalid`), failures come back as an `errors` key.
 */
export function tenantCall<S extends z.ZodType, T>(options: {
  permission: Permission;
  schema: S;
  invalid: string;
  run(args: { ctx: StaffContext; input: z.output<S>; locale: Locale }): Promise<T>;
}): (target: ActionTarget, payload: unknown) => Promise<CallResult<T>> {
  const targetSchema = z.object(tenantShape);
  return async (rawTarget, payload) => {
    const parsedTarget = targetSchema.safeParse(rawTarget);
    if (!parsedTarget.success) notFound();
    const locale: Locale = isLocale(parsedTarget.data.locale) ? parsedTarget.data.locale : "en";
    try {
      const ctx = await requireTenant(locale, parsedTarget.data.tenant, options.permission);
      const parsed = options.schema.safeParse(payload);
      if (!parsed.success) return { ok: false, code: options.invalid };
      return { ok: true, result: await options.run({ ctx, input: parsed.data, locale }) };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, code: failureCode(error) };
    }
  };
}
