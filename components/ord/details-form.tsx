"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { saveOrdDetailsAction } from "@/lib/ord/actions";

const legalForms = ["company", "sole_proprietor", "self_employed", "individual", "foreign_company", "foreign_individual"] as const;

/** Staff: the advertiser's and the creator's legal details and the two contracts of the chain. */
export function OrdDetailsForm({ locale, tenant, id, defaults }: { locale: string; tenant: string; id: string; defaults: Record<string, string> }) {
  const { t } = useTranslation("ord");
  const [state, action, pending] = useActionState<FormState, FormData>(saveOrdDetailsAction.bind(null, { locale, tenant, id }), {});
  const values = { ...defaults, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const text = (name: string, label: string, props: Record<string, string> = {}) => (
    <Field key={name} label={label} name={name} error={errors[name]}>
      {(a) => <TextInput {...a} name={name} autoComplete="off" defaultValue={values[name] ?? ""} {...props} />}
    </Field>
  );
  const party = (prefix: "brand" | "creator") => (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{t(`details.${prefix}`)}</legend>
      <Field label={t("details.legalForm")} name={`${prefix}LegalForm`} error={errors[`${prefix}LegalForm`]}>
        {(a) => (
          <Select {...a} name={`${prefix}LegalForm`} defaultValue={values[`${prefix}LegalForm`] ?? (prefix === "brand" ? "company" : "self_employed")}>
            {legalForms.map((f) => <option key={f} value={f}>{t(`legalForms.${f}`)}</option>)}
          </Select>
        )}
      </Field>
      {text(`${prefix}Name`, t("details.name"))}
      {text(`${prefix}Inn`, t("details.inn"), { inputMode: "numeric" })}
      {prefix === "brand" ? text("brandKpp", t("details.kpp"), { inputMode: "numeric" }) : null}
      {text(`${prefix}Ogrn`, t("details.ogrn"), { inputMode: "numeric" })}
      {prefix === "creator" ? text("creatorPhone", t("details.phone"), { inputMode: "tel" }) : null}
      {prefix === "brand" ? text("brandForeignRegistrationNumber", t("details.foreignRegistrationNumber")) : null}
      {text(`${prefix}ForeignCountryCode`, t("details.foreignCountryCode"), { inputMode: "numeric" })}
    </fieldset>
  );
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-5">
      <FormMessage state={state} />
      {party("brand")}
      {party("creator")}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("details.contracts")}</legend>
        <p className="text-xs text-slate-600">{t("details.contractsHint")}</p>
        {text("initialSignedOn", t("details.initialSignedOn"), { type: "date" })}
        {text("initialSerial", t("details.initialSerial"))}
        {text("creatorSignedOn", t("details.creatorSignedOn"), { type: "date" })}
        {text("creatorSerial", t("details.creatorSerial"))}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>{t("details.save")}</Button>
    </form>
  );
}
