"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { ConsentCheckbox, Honeypot } from "@/components/ui/consent";
import { CountryInput } from "@/components/ui/country-input";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { markets } from "@/lib/directory/platforms";
import { locales } from "@/lib/i18n/settings";
import { applyToProgramAction } from "@/lib/partners/public-actions";
import type { FormState } from "@/lib/kernel/form";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

/** The partner group the link named (`?group=`): its key travels with the form, its questions are asked. */
type Group = { key: string; questions: { id: string; label: string }[] };
type Props = { locale: string; tenant: string; programId: string; agency: string; programMarkets: string[]; group?: Group | null };

export function ApplicationForm({ locale, tenant, programId, agency, programMarkets, group }: Props) {
  const { t } = useTranslation(["partners", "common"]);
  const target = group ? { locale, tenant, programId, group: group.key } : { locale, tenant, programId };
  const [state, action, pending] = useActionState<FormState, FormData>(applyToProgramAction.bind(null, target), {});
  if (state.ok && state.message) {
    const outcome = state.message.key === "already_applied" ? "already_applied" : "received";
    return (
      <div role="status" className="space-y-2 text-center">
        <p className="text-3xl" aria-hidden>{outcome === "received" ? "✓" : "✉"}</p>
        <h2 className="text-lg font-semibold">{t(`apply.${outcome}.title`)}</h2>
        <p className="text-sm text-slate-600">{t(`apply.${outcome}.body`, { agency })}</p>
      </div>
    );
  }
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-5">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} name="name" error={e.name}>
          {(a) => <TextInput {...a} name="name" autoComplete="name" maxLength={120} defaultValue={v.name ?? ""} />}
        </Field>
        <Field label={t("fields.email")} name="email" error={e.email}>
          {(a) => <TextInput {...a} name="email" type="email" autoComplete="email" maxLength={200} defaultValue={v.email ?? ""} />}
        </Field>
        <Field label={t("fields.market")} name="market" error={e.market}>
          {(a) => (
            <Select {...a} name="market" defaultValue={v.market ?? (programMarkets.length === 1 ? programMarkets[0] : "")}>
              <option value="" disabled>{t("invite.chooseMarket")}</option>
              {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("fields.country")} name="country" error={e.country} hint={t("hints.country")}>
          {(a) => <CountryInput {...a} name="country" maxLength={100} defaultValue={v.country ?? ""} />}
        </Field>
        <Field label={t("fields.language")} name="language" error={e.language} hint={t("apply.languageHint")}>
          {(a) => (
            <Select {...a} name="language" defaultValue={v.language ?? locale}>
              {locales.map((l) => <option key={l} value={l}>{l === "ru" ? "Русский" : "English"}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <Field label={t("apply.pitch")} name="pitch" error={e.pitch} hint={t("apply.pitchHint")}>
        {(a) => <TextArea {...a} name="pitch" rows={5} maxLength={1000} defaultValue={v.pitch ?? ""} />}
      </Field>
      {group?.questions.map((q) => (
        <Field key={q.id} label={q.label} name={`answers.${q.id}`} error={e[`answers.${q.id}`]}>
          {(a) => <TextArea {...a} name={`answers.${q.id}`} rows={3} maxLength={1000} defaultValue={v[`answers.${q.id}`] ?? ""} />}
        </Field>
      ))}
      <Honeypot name="website" label={t("apply.honeypot")} />
      <ConsentCheckbox label={t("apply.consent", { agency })} checked={v.consent === "yes"} error={e.consent} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">{pending ? t("apply.sending") : t("apply.submit")}</Button>
    </form>
  );
}
