"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorText, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { platformCodes } from "@/lib/directory/platforms";
import { saveOpportunityAction } from "@/lib/opportunities/actions";
import { opportunitySides } from "@/lib/opportunities/codes";
import { dealCurrencies } from "@/lib/referrals/codes";
import type { FormState } from "@/lib/kernel/form";
import { DateInput } from "@/components/ui/date-input";

type Values = Record<string, string | undefined>;
type Program = { id: string; name: string; markets: string[] };
type Props = { locale: string; tenant: string; id?: string; initial: Values; programs: Program[]; cancelHref: string; currency: string };

const section = "space-y-4";
const legend = "mb-1 text-base font-semibold text-slate-900";

/** Staff: create or edit an opportunity. Titles and descriptions in either language, or both. */
export function OpportunityForm({ locale, tenant, id, initial, programs, cancelHref, currency }: Props) {
  const { t } = useTranslation(["opportunities", "common"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveOpportunityAction.bind(null, { locale, tenant, id }), {});
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const count = Object.keys(errors).length;
  const [programId, setProgramId] = useState(values.programId ?? (programs.length === 1 ? programs[0].id : ""));
  const [chosen, setChosen] = useState({ sourceMarket: values.sourceMarket ?? "", targetMarket: values.targetMarket ?? "" });
  const markets = programs.find((p) => p.id === programId)?.markets ?? [];
  const platforms = new Set((values["platforms[]"] ?? "").split(",").filter(Boolean));
  const text = (name: string, props: { hint?: string; inputMode?: "numeric" | "decimal"; type?: string; lang?: string; placeholder?: string } = {}) => (
    <Field label={t(`form.${name}`)} name={name} error={errors[name]} hint={props.hint}>
      {(a) => props.type === "date" ? <DateInput {...a} locale={locale} name={name} defaultValue={values[name]} /> : <TextInput {...a} name={name} type={props.type ?? "text"} inputMode={props.inputMode} lang={props.lang} placeholder={props.placeholder} autoComplete="off" defaultValue={values[name] ?? ""} />}
    </Field>
  );
  const marketSelect = (name: "sourceMarket" | "targetMarket") => (
    <Field label={t(`form.${name}`)} name={name} error={errors[name]} hint={t(`form.hints.${name}`)}>
      {(a) => (
        <Select {...a} name={name} value={markets.includes(chosen[name]) ? chosen[name] : ""} onChange={(e) => setChosen({ ...chosen, [name]: e.target.value })} disabled={markets.length === 0}>
          <option value="" disabled>{t("form.chooseMarket")}</option>
          {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
        </Select>
      )}
    </Field>
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-8">
      <FormMessage message={state.message ?? (count ? { key: "form_has_errors", values: { count } } : undefined)} />

      <fieldset className={section}>
        <legend className={legend}>{t("form.sections.who")}</legend>
        <Field label={t("form.programId")} name="programId" error={errors.programId} hint={t("form.hints.programId")}>
          {(a) => (
            <Select {...a} name="programId" value={programId} onChange={(e) => setProgramId(e.target.value)}>
              <option value="" disabled>{t("form.chooseProgram")}</option>
              {programs.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.markets.map((m) => t(`common:markets.${m}`)).join(", ")})</option>)}
            </Select>
          )}
        </Field>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("form.side")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {opportunitySides.map((s) => (
              <label key={s} className="flex min-h-11 cursor-pointer items-start gap-2 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
                <input type="radio" name="side" value={s} defaultChecked={(values.side ?? "brand_seeks_creators") === s} className="mt-0.5 size-4 text-indigo-600" />
                <span>
                  <span className="block font-medium">{t(`side.${s}`)}</span>
                  <span className="block text-xs text-slate-600">{t(`form.sideHint.${s}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <ErrorText id="f-side-error" error={errors.side} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {marketSelect("sourceMarket")}
          {marketSelect("targetMarket")}
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("form.platforms")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {platformCodes.map((p) => (
              <label key={p} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="platforms[]" value={p} defaultChecked={platforms.has(p)} className="size-4 rounded border-slate-300 text-indigo-600" />
                {t(`common:platforms.${p}`)}
              </label>
            ))}
          </div>
          <ErrorText id="f-platforms-error" error={errors.platforms} />
        </fieldset>
        {text("niches", { hint: t("form.hints.niches"), placeholder: t("form.placeholders.niches") })}
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("form.sections.terms")}</legend>
        {/* Audiences and budgets take shorthand («120 тыс.», "1.5M"): a phone's text keyboard, not the digits pad. */}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("audienceMin", { hint: t("form.hints.audience") })}
          {text("audienceMax")}
        </div>
        <div className="grid gap-4 sm:grid-cols-[1fr_1fr_7rem]">
          {text("budgetMin", { hint: t("form.hints.budget") })}
          {text("budgetMax")}
          <Field label={t("form.budgetCurrency")} name="budgetCurrency" error={errors.budgetCurrency}>
            {(a) => (
              <Select {...a} name="budgetCurrency" defaultValue={values.budgetCurrency || currency}>
                {dealCurrencies.map((c) => <option key={c} value={c}>{c}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("prepaymentPercent", { inputMode: "numeric", hint: t("form.hints.prepaymentPercent") })}
          {text("netDays", { inputMode: "numeric", hint: t("form.hints.netDays") })}
        </div>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="barter" defaultChecked={values.barter === "on"} className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600" />
          <span>{t("form.barter")}</span>
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("deadline", { type: "date", hint: t("form.hints.deadline") })}
          {text("slots", { inputMode: "numeric", hint: t("form.hints.slots") })}
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("form.sections.text")}</legend>
        <p className="text-sm text-slate-600">{t("form.hints.languages")}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          {(["En", "Ru"] as const).map((lng) => (
            <div key={lng} className="space-y-4 rounded-lg bg-slate-50/70 p-4 ring-1 ring-slate-200">
              <p className="text-sm font-semibold text-slate-800">{t(`form.language${lng}`)}</p>
              {text(`title${lng}`, { lang: lng.toLowerCase(), placeholder: t(`form.placeholders.title${lng}`) })}
              <Field label={t(`form.description${lng}`)} name={`description${lng}`} error={errors[`description${lng}`]}>
                {(a) => <TextArea {...a} name={`description${lng}`} lang={lng.toLowerCase()} rows={6} maxLength={4000} defaultValue={values[`description${lng}`] ?? ""} />}
              </Field>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" disabled={pending} className="min-h-11">{pending ? t("form.saving") : t(id ? "form.save" : "form.create")}</Button>
        <ButtonLink href={cancelHref} variant="ghost" className="min-h-11">{t("form.cancel")}</ButtonLink>
      </div>
    </form>
  );
}
