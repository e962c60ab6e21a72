"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { listMemberships, listPartnerSeats } from "@/lib/db/users";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/validation/form";
import { auth, signIn, signOut } from "./auth";
import { signUp, signUpSchema } from "./sign-up";

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

export async function signUpAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const l = loc(locale);
  const values = formValues(formData);
  delete values.password;
  let slug = "";
  const result = await handleFormErrors(async () => {
    const parsed = parseForm(signUpSchema, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const { tenant } = await signUp(parsed.data, l);
    slug = tenant.slug;
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  redirect(`/${l}/t/${slug}?welcome=1`);
}

export async function signOutAction(locale: string) {
  await signOut({ redirect: false });
  redirect(`/${loc(locale)}/sign-in`);
}
