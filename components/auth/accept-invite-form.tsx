"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { acceptInviteAction } from "@/lib/staff/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormMessage } from "@/components/ui/form-message";

export function AcceptInviteForm({ locale, token, signedIn }: { locale: string; token: string; signedIn: boolean }) {
  const { t } = useTranslation("auth");
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInviteAction.bind(null, { locale, token }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      {signedIn ? null : (
        <>
          <Field label={t("fields.name")} name="name" error={state.fieldErrors?.name}>
            {(a) => <TextInput {...a} name="name" autoComplete="name" defaultValue={state.values?.name} />}
          </Field>
          <Field label={t("fields.password")} name="password" error={state.fieldErrors?.password} hint={t("signUp.passwordHint")}>
            {(a) => <TextInput {...a} name="password" type="password" autoComplete="new-password" />}
          </Field>
        </>
      )}
      <Button type="submit" disabled={pending} className="w-full">{t("invite.accept")}</Button>
    </form>
  );
}
