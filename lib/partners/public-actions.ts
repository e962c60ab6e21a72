"use server";
import { requestClientIp } from "@/lib/http/request-ip";
import { handleFormErrors } from "@/lib/actions/form-action";
import { DomainError } from "@/lib/kernel/errors";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { allowApplication } from "./application-rate-limit";
import { applyToProgram } from "./apply-to-program";
import { applicationInput } from "./schemas";

export async function applyToProgramAction(
  target: { locale: string; tenant: string; programId: string },
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  return handleFormErrors(async () => {
    const parsed = parseForm(applicationInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    if (!(await allowApplication(await requestClientIp()))) throw new DomainError("apply_rate_limited");
    const outcome = await applyToProgram({ tenantSlug: target.tenant, programId: target.programId }, parsed.data);
    return { ok: true, message: { key: outcome } };
  }, values);
}

