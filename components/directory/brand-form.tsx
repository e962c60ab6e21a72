"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { saveBrandAction } from "@/lib/directory/actions";
import type { FormState } from "@/lib/kernel/form";
import { LanguagesField, MarketField, TextField, type Values } from "./form-bits";

export function BrandForm({ locale, tenant, id, initial, cancelHref }: { locale: string; tenant: string; id?: string; initial: Values; cancelHref: string }) {
  const { t } = useTranslation("directory");
  const [state, action, pending] = useActionState<FormState, FormData>(saveBrandAction.bind(null, { locale, tenant, id }), {});
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const count = Object.keys(errors).length;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-5">
      <FormMessage message={state.message ?? (count ? { key: "form_has_errors", values: { count } } : undefined)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" values={values} errors={errors} />
        <MarketField values={values} errors={errors} />
        <TextField name="country" values={values} errors={errors} hint={t("hints.country")} />
        <TextField name="website" values={values} errors={errors} hint={t("hints.website")} />
        <TextField name="industry" values={values} errors={errors} />
        <TextField name="niches" values={values} errors={errors} hint={t("hints.niches")} />
        <TextField name="contactName" values={values} errors={errors} />
        <TextField name="contactEmail" type="email" values={values} errors={errors} />
      </div>
      <LanguagesField values={values} errors={errors} />
      <Field label={t("fields.notes")} name="notes" error={errors.notes}>
        {(a) => <TextArea {...a} name="notes" defaultValue={values.notes ?? ""} />}
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("actions.saving") : t("actions.save")}</Button>
        <ButtonLink href={cancelHref} variant="secondary">{t("actions.cancel")}</ButtonLink>
      </div>
    </form>
  );
}
