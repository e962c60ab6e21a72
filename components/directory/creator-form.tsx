"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorText, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { creatorLegalStatuses } from "@/lib/directory/legal-status";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { saveCreatorAction } from "@/lib/directory/actions";
import { platformCodes } from "@/lib/directory/platforms";
import type { FormState } from "@/lib/kernel/form";
import { LanguagesField, MarketField, TextField, type Values } from "./form-bits";

const ROWS = 4;

type PartnerChoice = { id: string; name: string };

export function CreatorForm({ locale, tenant, id, initial, cancelHref, partners = [] }: { locale: string; tenant: string; id?: string; initial: Values; cancelHref: string; partners?: PartnerChoice[] }) {
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
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.legalStatus")} name="legalStatus" error={errors.legalStatus} hint={t("hints.legalStatus")}>
          {(a) => (
            <Select {...a} name="legalStatus" defaultValue={values.legalStatus ?? ""}>
              <option value="">{t("legalStatus.unknown")}</option>
              {creatorLegalStatuses.map((s) => <option key={s} value={s}>{t(`legalStatus.${s}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("fields.partnerId")} name="partnerId" error={errors.partnerId} hint={t("hints.partnerId")}>
          {(a) => (
            <Select {...a} name="partnerId" defaultValue={values.partnerId ?? ""}>
              <option value="">{t("fields.noPartner")}</option>
              {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("fields.platforms")}</legend>
        <p className="text-xs text-slate-500">{t("hints.platforms")}</p>
        {Array.from({ length: ROWS }, (_, i) => {
          const key = (f: string) => `platforms.${i}.${f}`;
          return (
            <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_8rem_10rem]">
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
              <div>
                <TextInput name={key("rknRegistryNumber")} aria-label={`${t("fields.rknRegistryNumber")} ${i + 1}`} placeholder={t("fields.rknRegistryNumber")} autoComplete="off" defaultValue={values[key("rknRegistryNumber")] ?? ""} aria-invalid={!!errors[key("rknRegistryNumber")]} />
                <ErrorText id={`${key("rknRegistryNumber")}-error`} error={errors[key("rknRegistryNumber")]} />
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
