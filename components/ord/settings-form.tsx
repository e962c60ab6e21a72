"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { saveOrdSettingsAction } from "@/lib/ord/actions";

const legalForms = ["company", "sole_proprietor", "self_employed", "individual", "foreign_company", "foreign_individual"] as const;

/** The owner: the ОРД key (write-only), host and the agency's own legal details. */
export function OrdSettingsForm({ locale, tenant, defaults, keyLast4, hosts, disabled }: {
  locale: string; tenant: string; defaults: Record<string, string>; keyLast4: string | null; hosts: string[]; disabled: boolean;
}) {
  const { t } = useTranslation("ord");
  const [state, action, pending] = useActionState<FormState, FormData>(saveOrdSettingsAction.bind(null, { locale, tenant }), {});
  const values = { ...defaults, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const text = (name: string, hint?: string, props: Record<string, string> = {}) => (
    <Field key={name} label={t(`settings.fields.${name}`)} name={name} error={errors[name]} hint={hint}>
      {(a) => <TextInput {...a} name={name} autoComplete="off" defaultValue={values[name] ?? ""} disabled={disabled} {...props} />}
    </Field>
  );
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage state={state} />
      {text("apiKey", keyLast4 ? t("settings.keyStored", { last4: keyLast4 }) : t("settings.keyNone"), { type: "password" })}
      {keyLast4 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeKey" className="h-4 w-4 rounded border-slate-300" disabled={disabled} />
          {t("settings.removeKey")}
        </label>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="sandbox" defaultChecked={values.sandbox === "on"} className="h-4 w-4 rounded border-slate-300" disabled={disabled} />
        {t("settings.fields.sandbox")}
      </label>
      <Field label={t("settings.fields.baseUrl")} name="baseUrl" error={errors.baseUrl} hint={t("settings.baseUrlHint")}>
        {(a) => (
          <Select {...a} name="baseUrl" defaultValue={values.baseUrl ?? ""} disabled={disabled}>
            <option value="">{t("settings.baseUrlAuto")}</option>
            {hosts.map((h) => <option key={h} value={h}>{h}</option>)}
          </Select>
        )}
      </Field>
      {text("agencyName", t("settings.agencyNameHint"))}
      <Field label={t("settings.fields.agencyLegalForm")} name="agencyLegalForm" error={errors.agencyLegalForm}>
        {(a) => (
          <Select {...a} name="agencyLegalForm" defaultValue={values.agencyLegalForm ?? "company"} disabled={disabled}>
            {legalForms.map((f) => <option key={f} value={f}>{t(`legalForms.${f}`)}</option>)}
          </Select>
        )}
      </Field>
      {text("agencyInn", undefined, { inputMode: "numeric" })}
      {text("agencyKpp", undefined, { inputMode: "numeric" })}
      {text("agencyOgrn", undefined, { inputMode: "numeric" })}
      {text("defaultKktu", t("settings.kktuHint"))}
      <Button type="submit" disabled={pending || disabled}>{t("settings.save")}</Button>
    </form>
  );
}
