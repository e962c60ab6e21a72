"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { createApiKey, revokeApiKey } from "./manage-api-keys";
import { createApiKeyInput } from "./schemas";

type Target = { locale: string; tenant: string };
/** A created key travels back to the browser once, in this state, and is never readable again. */
export type CreateKeyState = FormState & { secret?: string; name?: string };

const loc = (l: string): Locale => (isLocale(l) ? l : "en");
const page = (t: Target) => `/${t.locale}/t/${t.tenant}/settings/api-keys`;

export async function createApiKeyAction(target: Target, _prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const values = formValues(formData);
  let created: { secret: string; name: string } | null = null;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "integrations:manage");
    const parsed = parseForm(createApiKeyInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const { key, row } = await createApiKey(ctx, parsed.data);
    created = { secret: key, name: row.name };
    return { ok: true };
  }, values);
  if (!result.ok || !created) return result;
  revalidatePath(page(target));
  return { ok: true, ...(created as { secret: string; name: string }) };
}

export async function revokeApiKeyAction(target: Target & { id: string }, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "integrations:manage");
    await revokeApiKey(ctx, target.id);
    return { ok: true };
  });
  if (result.ok) revalidatePath(page(target));
  return result;
}
