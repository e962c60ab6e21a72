"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorText, Field, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { saveTaxProfileAction } from "@/lib/compliance/actions";
import { taxForms, type TaxFormCode } from "@/lib/compliance/tax-forms";
import type { FormState } from "@/lib/kernel/form";
import { DateInput } from "@/components/ui/date-input";

type Values = Record<string, string | undefined>;

/** Which fields each tax form asks for, besides legal name, country, region and address. */
const extraFields: Record<TaxFormCode, readonly string[]> = {
  us_w9: ["tin"],
  foreign_w8ben: ["w8benSignedOn"],
  ru_self_employed: ["inn", "selfEmployedCheckedOn"],
  ru_ip: ["inn", "ogrnip"],
  ru_company: ["inn", "ogrn", "kpp"],
};

/** The partner's tax profile form (portal, one column). The stored TIN is shown only as "•••• 1234". */
export function TaxProfileForm({ locale, tenant, initial, maskedTin }: { locale: string; tenant: string; initial: Values; maskedTin: string | null }) {
  const { t } = useTranslation(["compliance", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveTaxProfileAction.bind(null, { locale, tenant }), {});
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const count = Object.keys(errors).length;
  // Before a first save, suggest the usual form for the partner's language (most Russian speakers are самозанятые).
  const [form, setForm] = useState<TaxFormCode>((values.form as TaxFormCode) ?? (locale === "ru" ? "ru_self_employed" : "us_w9"));
  const extras = extraFields[form];
  const field = (name: string, props: { type?: string; hint?: string; placeholder?: string; inputMode?: "numeric" | "text"; autoComplete?: string; label?: string } = {}) => (
    <Field label={props.label ?? t(`tax.fields.${name}`)} name={name} error={errors[name]} hint={props.hint}>
      {(a) => props.type === "date" ? <DateInput {...a} locale={locale} name={name} defaultValue={values[name]} /> : (
        <TextInput
          {...a}
          name={name}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? "off"}
          placeholder={props.placeholder}
          // The TIN is never put back into the page, not even what was just typed.
          defaultValue={name === "tin" ? "" : (values[name] ?? "")}
        />
      )}
    </Field>
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-6">
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : null}
      <FormMessage message={state.ok ? undefined : (state.message ?? (count ? { key: "form_has_errors", values: { count } } : undefined))} />

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("tax.fields.form")}</legend>
        <div className="grid gap-2">
          {taxForms.map((code) => (
            <label key={code} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg bg-white px-3 py-2.5 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
              <input type="radio" name="form" value={code} checked={form === code} onChange={() => setForm(code)} className="mt-0.5 size-4 text-indigo-600" />
              <span>
                <span className="block font-medium text-slate-900">{t(`forms.${code}`)}</span>
                <span className="block text-xs text-slate-600">{t(`formHints.${code}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <ErrorText id="f-form-error" error={errors.form} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("tax.sections.identity")}</legend>
        {field("legalName", { hint: t(form.startsWith("ru_") ? "tax.hints.legalNameRu" : "tax.hints.legalName"), autoComplete: "name" })}
        {extras.includes("tin")
          ? field("tin", {
              inputMode: "numeric",
              placeholder: maskedTin ?? "123-45-6789",
              hint: maskedTin ? t("tax.hints.tinKeep", { masked: maskedTin }) : t("tax.hints.tin"),
            })
          : null}
        {extras.includes("w8benSignedOn") ? field("w8benSignedOn", { type: "date", hint: t("tax.hints.w8benSignedOn") }) : null}
        {extras.includes("inn") ? field("inn", { inputMode: "numeric", hint: t(form === "ru_company" ? "tax.hints.innCompany" : "tax.hints.innPerson") }) : null}
        {extras.includes("selfEmployedCheckedOn") ? field("selfEmployedCheckedOn", { type: "date", hint: t("tax.hints.selfEmployedCheckedOn") }) : null}
        {extras.includes("ogrnip") ? field("ogrnip", { inputMode: "numeric", hint: t("tax.hints.ogrnip") }) : null}
        {extras.includes("ogrn") ? field("ogrn", { inputMode: "numeric", hint: t("tax.hints.ogrn") }) : null}
        {extras.includes("kpp") ? field("kpp", { hint: t("tax.hints.kpp") }) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("tax.sections.address")}</legend>
        {field("country", { hint: t(form === "us_w9" ? "tax.hints.countryUs" : "tax.hints.country"), placeholder: form === "us_w9" ? "US" : form.startsWith("ru_") ? "RU" : "DE", autoComplete: "country" })}
        {field("region", { label: t(form === "us_w9" ? "tax.fields.state" : "tax.fields.region"), hint: t(form === "us_w9" ? "tax.hints.state" : "tax.hints.region"), autoComplete: "address-level1" })}
        <Field label={t("tax.fields.address")} name="address" error={errors.address} hint={t(form === "us_w9" ? "tax.hints.addressRequired" : "tax.hints.address")}>
          {(a) => <TextArea {...a} name="address" rows={2} autoComplete="street-address" defaultValue={values.address ?? ""} />}
        </Field>
      </fieldset>

      <p className="text-xs text-slate-500">{t("tax.privacy")}</p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">{pending ? t("tax.saving") : t("tax.save")}</Button>
    </form>
  );
}
