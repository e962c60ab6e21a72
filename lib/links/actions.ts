"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { requirePartner, requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { createLinkAsPartner, disableOwnLink } from "./partner-links";
import { linkDestinationInput, partnerLinkInput, staffLinkInput } from "./schemas";
import { createLinkAsStaff, setLinkDisabled, updateLinkDestination } from "./staff-links";

type Target = { locale: string; tenant: string };
type LinkTarget = Target & { id: string };

const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");
const staffPath = (target: Target) => `/${target.locale}/t/${target.tenant}/links`;
const portalPath = (target: Target) => `/${target.locale}/p/${target.tenant}/links`;

export async function createStaffLinkAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "links:write");
    const parsed = parseForm(staffLinkInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const link = await createLinkAsStaff(ctx, parsed.data, await appUrl());
    return { ok: true, message: { key: "links.created", values: { code: link.code } } };
  }, values);
  if (result.ok) revalidatePath(staffPath(target));
  return result;
}

export async function setLinkDisabledAction(target: LinkTarget & { disabled: boolean }, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "links:write");
    await setLinkDisabled(ctx, target.id, target.disabled);
    return { ok: true };
  });
  if (result.ok) revalidatePath(staffPath(target));
  return result;
}

export async function updateLinkDestinationAction(target: LinkTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "links:write");
    const parsed = parseForm(linkDestinationInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await updateLinkDestination(ctx, target.id, parsed.data, await appUrl());
    return { ok: true, message: { key: "links.saved" } };
  }, values);
  if (result.ok) revalidatePath(staffPath(target));
  return result;
}

export async function createPartnerLinkAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const parsed = parseForm(partnerLinkInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const link = await createLinkAsPartner(ctx, parsed.data, await appUrl());
    return { ok: true, message: { key: "links.created", values: { code: link.code } } };
  }, values);
  if (result.ok) revalidatePath(portalPath(target));
  return result;
}

export async function disableOwnLinkAction(target: LinkTarget, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    await disableOwnLink(ctx, target.id);
    return { ok: true };
  });
  if (result.ok) revalidatePath(portalPath(target));
  return result;
}
