"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { createProgram, updateProgramSettings } from "./programs";
import { programInput, programSettingsInput } from "./schemas";

type Target = { locale: string; tenant: string };
const loc = (locale: string): Locale => (isLocale(locale) ? locale : "en");

export async function createProgramAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "settings:manage");
    const parsed = parseForm(programInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const program = await createProgram(ctx, parsed.data);
    return { ok: true, message: { key: "programCreated", values: { name: program.name } } };
  }, values);
  if (result.ok) revalidatePath(`/${loc(target.locale)}/t/${target.tenant}/programs`);
  return result;
}

export async function updateProgramSettingsAction(target: Target & { id: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "settings:manage");
    const parsed = parseForm(programSettingsInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await updateProgramSettings(ctx, target.id, parsed.data);
    return { ok: true, message: { key: "programSaved" } };
  }, values);
  if (result.ok) revalidatePath(`/${loc(target.locale)}/t/${target.tenant}/programs`);
  return result;
}
