"use server";
import { cookies } from "next/headers";
import { requestClientIp } from "@/lib/http/request-ip";
import { handleFormErrors } from "@/lib/actions/form-action";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { isLocale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { allowOptIn } from "./opt-in-rate-limit";
import { submitOptIn } from "./opt-in";
import { optInInput } from "./schemas";

/** The public opt-in form: parse, limit per IP, store; every failure is a translated message. */
export async function optInAction(target: { locale: string; tenant: string; id: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const locale = isLocale(target.locale) ? target.locale : "en";
  return handleFormErrors(async () => {
    const parsed = parseForm(optInInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const ip = await requestClientIp();
    if (!(await allowOptIn(ip))) throw new DomainError("opt_in_rate_limited");
    try {
      const outcome = await submitOptIn({ slug: target.tenant, opportunityId: target.id }, parsed.data, { locale, ip, cookies: await cookies() });
      return { ok: true, message: { key: outcome } };
    } catch (error) {
      // The opportunity closed (or never existed here) while the form was open.
      if (error instanceof NotFoundError) throw new DomainError("opportunity_unavailable");
      throw error;
    }
  }, values);
}

