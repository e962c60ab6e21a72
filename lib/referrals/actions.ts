"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requirePartner, requireTenant } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/validation/form";
import { overrideDuplicate } from "./override-duplicate";
import { referralDraftInput, referralSubmitInput } from "./schemas";
import { saveReferralDraft, submitReferral } from "./submit-referral";
import { bulkForm, overrideForm, transitionErrorField, transitionForm } from "./transition-schemas";
import { bulkTransition, transitionReferral, type BulkResult } from "./transition-referral";

type Target = { locale: string; tenant: string; id?: string };
const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");

/** Domain codes that belong to one field of the form they came from. */
function fieldError(error: unknown, fields: Record<string, string>, values: Record<string, string>): FormState | null {
  if (error instanceof DomainError && fields[error.code]) {
    return { ok: false, fieldErrors: { [fields[error.code]]: { key: error.code } }, values };
  }
  return null;
}

const submissionFields = { program_unavailable: "programId", target_market_not_in_program: "targetMarket" };

/** Portal: save a draft or submit, from the one form (the button pressed says which). */
export async function saveReferralAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const intent = formData.get("intent") === "draft" ? "draft" : "submit";
  let id = target.id;
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const parsed = parseForm(intent === "draft" ? referralDraftInput : referralSubmitInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    try {
      id = intent === "draft" ? (await saveReferralDraft(ctx, parsed.data, id)).id : (await submitReferral(ctx, parsed.data, id)).id;
    } catch (error) {
      const mapped = fieldError(error, submissionFields, values);
      if (mapped) return mapped;
      throw error;
    }
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  const base = `/${loc(target)}/p/${target.tenant}/referrals`;
  revalidatePath(`/${loc(target)}/p/${target.tenant}`, "layout");
  redirect(`${base}/${id}?${intent === "draft" ? "saved" : "submitted"}=1`);
}

/** Staff: move one referral to its next status. */
export async function transitionReferralAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let to = "";
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "referrals:write");
    const parsed = parseForm(transitionForm, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    try {
      to = (await transitionReferral(ctx, target.id ?? "", parsed.data, { defer: after })).to;
    } catch (error) {
      const mapped = fieldError(error, transitionErrorField, values);
      if (mapped) return mapped;
      throw error;
    }
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${loc(target)}/t/${target.tenant}/referrals`, "layout");
  redirect(`/${loc(target)}/t/${target.tenant}/referrals/${target.id}?moved=${to}`);
}

/** Staff: put a referral rejected as a duplicate back into the pipeline, with a reason. */
export async function overrideDuplicateAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "referrals:write");
    const parsed = parseForm(overrideForm, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await overrideDuplicate(ctx, target.id ?? "", parsed.data);
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${loc(target)}/t/${target.tenant}/referrals`, "layout");
  redirect(`/${loc(target)}/t/${target.tenant}/referrals/${target.id}?overridden=1`);
}

export type BulkState = FormState & { results?: BulkResult[] };

/** Staff: triage many referrals at once from the pipeline table. */
export async function bulkTransitionAction(target: Target, _prev: BulkState, formData: FormData): Promise<BulkState> {
  let results: BulkResult[] = [];
  const state = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "referrals:write");
    const parsed = parseForm(bulkForm, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const { ids, action, rejectReason } = parsed.data;
    if (action === "rejected" && !rejectReason) return { ok: false, fieldErrors: { rejectReason: { key: "reject_reason_required" } } };
    results = await bulkTransition(ctx, ids, { to: action!, rejectReason: rejectReason ?? null }, { defer: after });
    return { ok: true };
  });
  if (state.ok) revalidatePath(`/${loc(target)}/t/${target.tenant}/referrals`, "layout");
  return { ...state, results };
}
