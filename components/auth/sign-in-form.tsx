"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { magicLinkAction, signInAction } from "@/lib/auth/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormMessage } from "@/components/ui/form-message";

export function SignInForm({ locale, next, notice }: { locale: string; next?: string; notice?: string }) {
  const { t } = useTranslation("auth");
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction.bind(null, { locale }), {});
  const [magic, magicAction, magicPending] = useActionState<FormState, FormData>(magicLinkAction.bind(null, { locale }), {});
  return (
    <div className="space-y-6">
      <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        <h1 className="text-xl font-semibold">{t("signIn.title")}</h1>
        <FormMessage message={state.message ?? (notice ? { key: notice } : undefined)} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field label={t("fields.email")} name="email">
          {(a) => <TextInput {...a} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />}
        </Field>
        <Field label={t("fields.password")} name="password">
          {(a) => <TextInput {...a} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("signIn.pending") : t("signIn.submit")}
        </Button>
        <p className="text-center text-sm text-slate-600">
          {t("signIn.noAccount")}{" "}
          <Link href={`/${locale}/sign-up`} className="font-semibold text-indigo-600 hover:underline">{t("signIn.createAgency")}</Link>
        </p>
      </form>
      <form action={magicAction} onSubmit={submitWithoutReset(magicAction)} className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        <h2 className="font-semibold">{t("magic.title")}</h2>
        <p className="text-sm text-slate-600">{t("magic.lead")}</p>
        <FormMessage message={magic.message} />
        <Field label={t("fields.email")} name="magic-email" error={magic.fieldErrors?.email}>
          {(a) => <TextInput {...a} name="email" type="email" autoComplete="email" defaultValue={magic.values?.email} />}
        </Field>
        <Button type="submit" variant="secondary" disabled={magicPending} className="w-full">{t("magic.submit")}</Button>
      </form>
    </div>
  );
}
