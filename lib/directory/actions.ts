"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { createBrand, setBrandArchived, updateBrand } from "./brands";
import { createCreator, setCreatorArchived, updateCreator } from "./creators";
import { brandInput, creatorInput } from "./schemas";

type Target = { locale: string; tenant: string; id?: string };

function loc(target: Target): Locale {
  return isLocale(target.locale) ? target.locale : "en";
}

export async function saveBrandAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id = target.id;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "directory:write");
    const parsed = parseForm(brandInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    id = id ? (await updateBrand(ctx, id, parsed.data)).id : (await createBrand(ctx, parsed.data)).id;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${target.locale}/t/${target.tenant}/brands`);
  redirect(`/${loc(target)}/t/${target.tenant}/brands/${id}?saved=1`);
}

export async function saveCreatorAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id = target.id;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "directory:write");
    const parsed = parseForm(creatorInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    id = id ? (await updateCreator(ctx, id, parsed.data)).id : (await createCreator(ctx, parsed.data)).id;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${target.locale}/t/${target.tenant}/creators`);
  redirect(`/${loc(target)}/t/${target.tenant}/creators/${id}?saved=1`);
}

export async function archiveAction(
  target: Target & { kind: "brand" | "creator"; archived: boolean },
  _prev: FormState,
): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "directory:write");
    if (!target.id) return { ok: false, message: { key: "not_found" } };
    if (target.kind === "brand") await setBrandArchived(ctx, target.id, target.archived);
    else await setCreatorArchived(ctx, target.id, target.archived);
    return { ok: true };
  });
  if (!result.ok) return result;
  const section = target.kind === "brand" ? "brands" : "creators";
  revalidatePath(`/${target.locale}/t/${target.tenant}/${section}`);
  redirect(`/${loc(target)}/t/${target.tenant}/${section}/${target.id}`);
}
