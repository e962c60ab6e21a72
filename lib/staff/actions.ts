"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { guestAction } from "@/lib/actions/public-client";
import { appUrl } from "@/lib/app-url";
import { auth, signIn } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/password";
import { findUserById } from "@/lib/auth/users";
import { DomainError } from "@/lib/kernel/errors";
import { workspaceSettingsInput } from "@/lib/settings/schemas";
import { updateWorkspace } from "@/lib/settings/update-workspace";
import { inviteStaff } from "./invite-staff";
import { acceptInvite, createUserForInvite, findInviteByTokenHash } from "./invites";
import { acceptInviteInput, inviteStaffInput } from "./schemas";
import { hashToken } from "./tokens";

export const inviteStaffAction = tenantAction({
  permission: "staff:manage",
  schema: inviteStaffInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await inviteStaff(ctx, input, await appUrl());
    revalidate(paths.staff("settings"));
    return { ok: true, message: { key: "invite_sent", values: { email: input.email } } };
  },
});

export const updateWorkspaceAction = tenantAction({
  permission: "settings:manage",
  schema: workspaceSettingsInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await updateWorkspace(ctx, input);
    revalidate(paths.staff(), "layout");
    return { ok: true, message: { key: "settings_saved" } };
  },
});

/** Accepting an invite: a signed-in user joins directly; a new person sets a name and password. */
export const acceptInviteAction = guestAction({
  target: { token: z.string() },
  values: { omit: ["password"] },
  run: async ({ target, locale, parse, paths, redirect }) => {
    const tokenHash = hashToken(target.token);
    const invite = await findInviteByTokenHash(tokenHash);
    if (!invite || invite.acceptedAt || invite.expiresAt < new Date()) throw new DomainError("invite_invalid");
    const session = await auth();
    let user = session?.user?.id ? await findUserById(session.user.id) : null;
    let password: string | null = null;
    if (!user) {
      const input = parse(acceptInviteInput);
      password = input.password;
      try {
        user = await createUserForInvite({ email: invite.email, name: input.name, passwordHash: await hashPassword(password), locale });
      } catch {
        throw new DomainError("invite_sign_in_first");
      }
    }
    const accepted = await acceptInvite(tokenHash, user);
    if (!accepted.ok) throw new DomainError(accepted.code);
    if (password !== null) await signIn("credentials", { email: invite.email, password, redirect: false });
    redirect(paths.root(`t/${accepted.tenantSlug}`));
  },
});
