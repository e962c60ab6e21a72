"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { createRule, setRuleArchived, updateRule } from "./rules";
import { adjustmentInput, ruleInput, selectionInput, voidInput } from "./schemas";
import type { JobReason } from "./run-job";
import { approveDueNow, approveSelected, createAdjustment, runJobNow, voidSelected } from "./staff-ledger";

type Target = { locale: string; tenant: string };

const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");
const base = (target: Target) => `/${target.locale}/t/${target.tenant}/commissions`;

function revalidate(target: Target) {
  revalidatePath(base(target), "layout");
}

export async function saveRuleAction(target: Target & { id?: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const parsed = parseForm(ruleInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    if (target.id) await updateRule(ctx, target.id, parsed.data);
    else await createRule(ctx, parsed.data);
    return { ok: true, message: { key: target.id ? "commissions.rule_saved" : "commissions.rule_created" } };
  }, values);
  if (result.ok) revalidate(target);
  return result;
}

export async function setRuleArchivedAction(target: Target & { id: string; archived: boolean }, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    await setRuleArchived(ctx, target.id, target.archived);
    return { ok: true };
  });
  if (result.ok) revalidate(target);
  return result;
}

/** The job's result, plus — when it created nothing — why, per rule (rendered by components/commissions/job-buttons.tsx). */
export type JobState = FormState & { reasons?: JobReason[] };

export async function runJobAction(target: Target, _prev: JobState): Promise<JobState> {
  let reasons: JobReason[] | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const r = await runJobNow(ctx);
    reasons = r.created === 0 ? r.reasons : undefined;
    return { ok: true, message: { key: "commissions.job_done", values: { created: r.created, skipped: r.skipped, waiting: r.waitingForFx, approved: r.autoApproved } } };
  });
  if (result.ok) revalidate(target);
  return reasons ? { ...result, reasons } : result;
}

export async function approveDueAction(target: Target, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const count = await approveDueNow(ctx);
    return { ok: true, message: { key: "commissions.approved_count", values: { count } } };
  });
  if (result.ok) revalidate(target);
  return result;
}

/** The ledger table's selection: `op` (from the pressed button) is "approve" or "void". */
export async function selectionAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    if (formData.get("op") === "void") {
      const parsed = parseForm(voidInput, formData);
      if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, message: parsed.fieldErrors.ids, values };
      const count = await voidSelected(ctx, parsed.data.ids, parsed.data.reason);
      return { ok: true, message: { key: "commissions.voided_count", values: { count } } };
    }
    const parsed = parseForm(selectionInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, message: parsed.fieldErrors.ids, values };
    const count = await approveSelected(ctx, parsed.data.ids);
    return { ok: true, message: { key: "commissions.approved_count", values: { count } } };
  }, values);
  if (result.ok) revalidate(target);
  return result;
}

export async function adjustmentAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const parsed = parseForm(adjustmentInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await createAdjustment(ctx, parsed.data);
    return { ok: true, message: { key: "commissions.adjustment_created" } };
  }, values);
  if (result.ok) revalidate(target);
  return result;
}
