"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserTimeZoneField } from "@/components/ui/browser-time-zone";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { signUpAction } from "@/lib/auth/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormMessage } from "@/components/ui/form-message";

export function SignUpForm({ locale }: { locale: string }) {
  const { t } = useTranslation("auth");
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction.bind(null, { locale }), {});
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <div>
        <h1 className="text-xl font-semibold">{t("signUp.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signUp.lead")}</p>
      </div>
      <FormMessage message={state.message} />
      <Field label={t("fields.agencyName")} name="agencyName" error={e.agencyName}>
        {(a) => <TextInput {...a} name="agencyName" autoComplete="organization" defaultValue={v.agencyName} />}
      </Field>
      <Field label={t("fields.name")} name="name" error={e.name}>
        {(a) => <TextInput {...a} name="name" autoComplete="name" defaultValue={v.name} />}
      </Field>
      <Field label={t("fields.email")} name="email" error={e.email}>
        {(a) => <TextInput {...a} name="email" type="email" autoComplete="email" defaultValue={v.email} />}
      </Field>
      <Field label={t("fields.password")} name="password" error={e.password} hint={t("signUp.passwordHint")}>
        {(a) => <TextInput {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <BrowserTimeZoneField name="timeZone" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signUp.pending") : t("signUp.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("signUp.haveAccount")}{" "}
        <Link href={`/${locale}/sign-in`} className="font-semibold text-indigo-600 hover:underline">{t("signUp.signIn")}</Link>
      </p>
    </form>
  );
}
