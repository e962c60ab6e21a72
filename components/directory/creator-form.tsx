"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorText, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { saveCreatorAction } from "@/lib/directory/actions";
import { platformCodes } from "@/lib/directory/platforms";
import type { FormState } from "@/lib/kernel/form";
import { LanguagesField, MarketField, TextField, type Values } from "./form-bits";

const ROWS = 4;

export function CreatorForm({ locale, tenant, id, initial, cancelHref }: { locale: string; tenant: string; id?: string; initial: Values; cancelHref: string }) {
  const { t } = useTranslation(["directory", "common"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveCreatorAction.bind(null, { locale, tenant, id }), {});
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
        <TextField name="niches" values={values} errors={errors} hint={t("hints.niches")} />
        <TextField name="contactEmail" type="email" values={values} errors={errors} />
      </div>
      <LanguagesField values={values} errors={errors} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("fields.platforms")}</legend>
        <p className="text-xs text-slate-500">{t("hints.platforms")}</p>
        {Array.from({ length: ROWS }, (_, i) => {
          const key = (f: string) => `platforms.${i}.${f}`;
          return (
            <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_10rem]">
              <div>
                <Select name={key("platform")} aria-label={`${t("fields.platform")} ${i + 1}`} defaultValue={values[key("platform")] ?? ""} aria-invalid={!!errors[key("platform")]}>
                  <option value="">{t("fields.platform")}</option>
                  {platformCodes.map((p) => <option key={p} value={p}>{t(`common:platforms.${p}`)}</option>)}
                </Select>
                <ErrorText id={`${key("platform")}-error`} error={errors[key("platform")]} />
              </div>
              <div>
                <TextInput name={key("handle")} aria-label={`${t("fields.handle")} ${i + 1}`} placeholder={t("fields.handle")} defaultValue={values[key("handle")] ?? ""} aria-invalid={!!errors[key("handle")]} />
                <ErrorText id={`${key("handle")}-error`} error={errors[key("handle")]} />
              </div>
              <div>
                <TextInput name={key("audienceSize")} aria-label={`${t("fields.audienceSize")} ${i + 1}`} placeholder={t("fields.audienceSize")} defaultValue={values[key("audienceSize")] ?? ""} aria-invalid={!!errors[key("audienceSize")]} />
                <ErrorText id={`${key("audienceSize")}-error`} error={errors[key("audienceSize")]} />
              </div>
            </div>
          );
        })}
      </fieldset>
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
