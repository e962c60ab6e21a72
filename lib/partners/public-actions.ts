"use server";
import { headers } from "next/headers";
import { handleFormErrors } from "@/lib/actions/form-action";
import { DomainError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/validation/form";
import { acceptPartnerInviteToken } from "./accept-partner-invite";
import { allowApplication } from "./application-rate-limit";
import { applyToProgram } from "./apply-to-program";
import { applicationInput } from "./schemas";

const loc = (locale: string): Locale => (isLocale(locale) ? locale : "en");

export type AcceptInviteState = FormState & { signInPath?: string };

/**
 * Accepts a partner invite and hands back the Auth.js e-mail callback path; the browser opens it
 * itself. A server-side redirect() is not used on purpose: for a same-origin redirect, Next's
 * action handler fetches the target on the server to stream it back, which would spend the
 * one-time sign-in token without ever giving the browser its session cookie.
 */
export async function acceptPartnerInviteAction(target: { locale: string; token: string }, _prev: AcceptInviteState): Promise<AcceptInviteState> {
  let signInPath = "";
  const result = await handleFormErrors(async () => {
    const accepted = await acceptPartnerInviteToken(target.token, loc(target.locale));
    if (!accepted.ok) throw new DomainError(accepted.code);
    signInPath = accepted.signInPath;
    return { ok: true };
  });
  return result.ok ? { ok: true, signInPath } : result;
}

export async function applyToProgramAction(
  target: { locale: string; tenant: string; programId: string },
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  return handleFormErrors(async () => {
    const parsed = parseForm(applicationInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    if (!(await allowApplication(await clientIp()))) throw new DomainError("apply_rate_limited");
    const outcome = await applyToProgram({ tenantSlug: target.tenant, programId: target.programId }, parsed.data);
    return { ok: true, message: { key: outcome } };
  }, values);
}

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
