"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormMessage } from "@/components/ui/form-message";
import { inviteStaffAction } from "@/lib/staff/actions";
import type { FormState } from "@/lib/kernel/form";

export function InviteForm({ locale, tenant, roles }: { locale: string; tenant: string; roles: string[] }) {
  const { t } = useTranslation(["settings", "nav", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(inviteStaffAction.bind(null, { locale, tenant }), {});
  const v = state.ok ? {} : (state.values ?? {});
  const form = useRef<HTMLFormElement>(null);
  // A rejected invite keeps what was typed and chosen; a sent one clears the form for the next.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`, state.message.values)}</Notice> : <FormMessage message={state.message} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("invite.email")} name="email" error={state.fieldErrors?.email}>
          {(a) => <TextInput {...a} name="email" type="email" defaultValue={v.email ?? ""} />}
        </Field>
        <Field label={t("invite.role")} name="role" error={state.fieldErrors?.role}>
          {(a) => (
            <Select {...a} name="role" defaultValue={v.role ?? "manager"}>
              {roles.map((r) => <option key={r} value={r}>{t(`nav:roles.${r}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("invite.language")} name="language">
          {(a) => (
            <Select {...a} name="language" defaultValue={v.language ?? locale}>
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </Select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{t("invite.submit")}</Button>
    </form>
  );
}
