"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { signIn } from "@/lib/auth/auth";
import { auth } from "@/lib/auth/auth";
import { requireTenant } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvite, createUserForInvite, findInviteByTokenHash } from "@/lib/db/invites";
import { findUserById } from "@/lib/db/users";
import { DomainError } from "@/lib/kernel/errors";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { updateWorkspace } from "@/lib/settings/update-workspace";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { inviteStaff } from "./invite-staff";
import { acceptInviteInput, inviteStaffInput, workspaceSettingsInput } from "./schemas";
import { hashToken } from "./tokens";

const loc = (l: string): Locale => (isLocale(l) ? l : "en");

export async function inviteStaffAction(target: { locale: string; tenant: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "staff:manage");
    const parsed = parseForm(inviteStaffInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await inviteStaff(ctx, parsed.data, await appUrl());
    return { ok: true, message: { key: "invite_sent", values: { email: parsed.data.email } } };
  }, values);
  if (result.ok) revalidatePath(`/${target.locale}/t/${target.tenant}/settings`);
  return result;
}

export async function updateWorkspaceAction(target: { locale: string; tenant: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target.locale), target.tenant, "settings:manage");
    const parsed = parseForm(workspaceSettingsInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await updateWorkspace(ctx, parsed.data);
    return { ok: true, message: { key: "settings_saved" } };
  }, values);
  if (result.ok) revalidatePath(`/${target.locale}/t/${target.tenant}`, "layout");
  return result;
}

/** Accepting an invite: a signed-in user joins directly; a new person sets a name and password. */
export async function acceptInviteAction(target: { locale: string; token: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const locale = loc(target.locale);
  const values = formValues(formData);
  delete values.password;
  let slug = "";
  const result = await handleFormErrors(async () => {
    const tokenHash = hashToken(target.token);
    const invite = await findInviteByTokenHash(tokenHash);
    if (!invite || invite.acceptedAt || invite.expiresAt < new Date()) throw new DomainError("invite_invalid");
    const session = await auth();
    let user = session?.user?.id ? await findUserById(session.user.id) : null;
    if (!user) {
      const parsed = parseForm(acceptInviteInput, formData);
      if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
      try {
        user = await createUserForInvite({ email: invite.email, name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password), locale });
      } catch {
        throw new DomainError("invite_sign_in_first");
      }
      const accepted = await acceptInvite(tokenHash, user);
      if (!accepted.ok) throw new DomainError(accepted.code);
      slug = accepted.tenantSlug;
      await signIn("credentials", { email: invite.email, password: parsed.data.password, redirect: false });
      return { ok: true };
    }
    const accepted = await acceptInvite(tokenHash, user);
    if (!accepted.ok) throw new DomainError(accepted.code);
    slug = accepted.tenantSlug;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  redirect(`/${locale}/t/${slug}`);
}
