"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { changePartnerStatus } from "./change-partner-status";
import { enrolPartner, unenrolPartner } from "./enrolments";
import { invitePartner, resendPartnerInvite } from "./invite-partner";
import { enrolmentInput, invitePartnerInput, notesInput, statusChangeInput, tierInput } from "./schemas";
import { partnerTransitions } from "./status-transitions";
import { setPartnerNotes, setPartnerTier } from "./update-partner";

type Target = { locale: string; tenant: string };
type PartnerTarget = Target & { id: string };

const loc = (locale: string): Locale => (isLocale(locale) ? locale : "en");
const listPath = (t: Target) => `/${loc(t.locale)}/t/${t.tenant}/partners`;

/** After a change on the partner page: re-render the list and the page, and say what happened. */
function done(target: PartnerTarget, notice: string): never {
  revalidatePath(listPath(target));
  redirect(`${listPath(target)}/${target.id}?notice=${notice}`);
}

export async function invitePartnerAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id = "";
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    const parsed = parseForm(invitePartnerInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    id = (await invitePartner(ctx, parsed.data, await appUrl())).partner.id;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  done({ ...target, id }, "invited");
}

export async function changePartnerStatusAction(target: PartnerTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let action = "";
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    const parsed = parseForm(statusChangeInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    if (partnerTransitions[parsed.data.action].reasonRequired && !parsed.data.reason) {
      return { ok: false, fieldErrors: { reason: { key: "reason_required" } }, values };
    }
    await changePartnerStatus(ctx, target.id, parsed.data, await appUrl());
    action = parsed.data.action;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  done(target, action);
}

export async function setPartnerTierAction(target: PartnerTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    const parsed = parseForm(tierInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    await setPartnerTier(ctx, target.id, parsed.data.tier);
    return { ok: true };
  });
  if (!result.ok) return result;
  done(target, "tier");
}

export async function savePartnerNotesAction(target: PartnerTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    const parsed = parseForm(notesInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await setPartnerNotes(ctx, target.id, parsed.data.notes);
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  done(target, "notes");
}

export async function enrolPartnerAction(target: PartnerTarget & { enrol: boolean }, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    const parsed = parseForm(enrolmentInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    if (target.enrol) await enrolPartner(ctx, target.id, parsed.data.programId);
    else await unenrolPartner(ctx, target.id, parsed.data.programId);
    return { ok: true };
  });
  if (!result.ok) return result;
  done(target, target.enrol ? "enrolled" : "unenrolled");
}

export async function resendPartnerInviteAction(target: PartnerTarget, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "partners:write");
    await resendPartnerInvite(ctx, target.id, await appUrl());
    return { ok: true };
  });
  if (!result.ok) return result;
  done(target, "invite_resent");
}
