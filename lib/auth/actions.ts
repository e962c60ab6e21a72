"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { bumpSessionVersion, listMemberships, listPartnerSeats, setMagicLinkSignIn } from "@/lib/db/users";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { auth, signIn, signOut } from "./auth";
import { requestClientIp } from "@/lib/http/request-ip";
import { z } from "zod";
import { requireUser } from "./guard";
import { allowSignUp } from "./rate-limit";
import { sendSignUpMail, signUp, signUpSchema } from "./sign-up";

const signInSettingsSchema = z.object({ magicLinkSignIn: z.enum(["on"]).optional() });

function loc(locale: string): Locale {
  return isLocale(locale) ? locale : "en";
}

/** Where a signed-in user lands: their first workspace, else their partner portal. */
export async function homePath(userId: string, locale: Locale): Promise<string> {
  const [memberships, seats] = await Promise.all([listMemberships(userId), listPartnerSeats(userId)]);
  if (memberships.length === 1) return `/${locale}/t/${memberships[0].tenant.slug}`;
  if (memberships.length > 1) return `/${locale}/t`;
  if (seats.length > 0) return `/${locale}/p/${seats[0].tenant.slug}`;
  return `/${locale}/t`;
}

function safeNext(next: FormDataEntryValue | null): string | null {
  // Only same-site paths in this app; never an absolute URL (open redirect).
  return typeof next === "string" && /^\/(en|ru)\/[^/\\]/.test(next) && !next.startsWith("//") ? next : null;
}

export async function signInAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const l = loc(locale);
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, message: { key: code === "rate_limited" ? "rate_limited" : "invalid_credentials" }, values: { email } };
    }
    throw error;
  }
  const session = await auth();
  const target = safeNext(formData.get("next")) ?? (session?.user?.id ? await homePath(session.user.id, l) : `/${l}`);
  redirect(target);
}

export async function magicLinkAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const l = loc(locale);
  const email = String(formData.get("email") ?? "").trim().toLowerCase();
  const values = { email };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, fieldErrors: { email: { key: "invalid_email" } }, values };
  try {
    await signIn("email", { email, redirect: false, redirectTo: `/${l}` });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: { key: "unexpected" }, values };
    throw error;
  }
  // The same answer whether or not the address has an account.
  redirect(`/${l}/check-email`);
}

/**
 * Sign-up answers the same for every e-mail — "check your e-mail to continue" — and the mail says
 * what happened (workspace ready, or an account already exists). Limited per client address.
 */
export async function signUpAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const l = loc(locale);
  const values = formValues(formData);
  delete values.password;
  const result = await handleFormErrors(async () => {
    const parsed = parseForm(signUpSchema, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    if (!(await allowSignUp(await requestClientIp()))) return { ok: false, message: { key: "rate_limited" }, values };
    const outcome = await signUp(parsed.data, l);
    await sendSignUpMail(parsed.data, outcome, l);
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  redirect(`/${l}/check-email?from=signup`);
}

/** Signs out; the events.signOut hook bumps the session version, so the old token is dead everywhere. */
export async function signOutAction(locale: string) {
  await signOut({ redirect: false });
  redirect(`/${loc(locale)}/sign-in`);
}

/** The staff member's own sign-in settings: whether an e-mailed link may sign them in. */
export async function saveSignInSettingsAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser(loc(locale));
  const parsed = parseForm(signInSettingsSchema, formData);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  await setMagicLinkSignIn(user.id, parsed.data.magicLinkSignIn === "on");
  return { ok: true, message: { key: "saved" } };
}

/** Ends every session of this user (all devices, this one included). */
export async function signOutEverywhereAction(locale: string) {
  const user = await requireUser(loc(locale));
  await bumpSessionVersion(user.id);
  await signOut({ redirect: false });
  redirect(`/${loc(locale)}/sign-in`);
}
