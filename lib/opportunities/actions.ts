"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { DomainError } from "@/lib/kernel/errors";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { changeOpportunityStatus } from "./change-opportunity-status";
import { createOpportunity, updateOpportunity } from "./save-opportunity";
import { opportunityInput, opportunityStatusInput } from "./schemas";

type Target = { locale: string; tenant: string; id?: string };
const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");

/** Domain codes that belong to one field of the form. */
const fieldOf: Record<string, string> = {
  opportunity_program_unavailable: "programId",
  source_market_not_in_program: "sourceMarket",
  target_market_not_in_program: "targetMarket",
};

export async function saveOpportunityAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id = target.id;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "opportunities:write");
    const parsed = parseForm(opportunityInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    try {
      id = id ? (await updateOpportunity(ctx, id, parsed.data)).id : (await createOpportunity(ctx, parsed.data)).id;
    } catch (error) {
      if (error instanceof DomainError && fieldOf[error.code]) {
        return { ok: false, fieldErrors: { [fieldOf[error.code]]: { key: error.code } }, values };
      }
      throw error;
    }
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${loc(target)}/t/${target.tenant}/opportunities`, "layout");
  redirect(`/${loc(target)}/t/${target.tenant}/opportunities/${id}?saved=1`);
}

export async function changeOpportunityStatusAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  let to = "";
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "opportunities:write");
    const parsed = parseForm(opportunityStatusInput, formData);
    if (!parsed.ok || !target.id) return { ok: false, message: { key: "invalid_choice" } };
    await changeOpportunityStatus(ctx, target.id, parsed.data.to);
    to = parsed.data.to;
    return { ok: true };
  });
  if (!result.ok) return result;
  revalidatePath(`/${loc(target)}/t/${target.tenant}/opportunities`, "layout");
  revalidatePath(`/${loc(target)}/o/${target.tenant}`, "layout");
  redirect(`/${loc(target)}/t/${target.tenant}/opportunities/${target.id}?moved=${to}`);
}
