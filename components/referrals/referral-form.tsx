"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { CountryInput } from "@/components/ui/country-input";
import { ErrorText, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { markets, platformCodes } from "@/lib/directory/platforms";
import { saveReferralAction } from "@/lib/referrals/actions";
import { contactChannels, MAX_PLATFORMS, MIN_FIT_REASON, relationships } from "@/lib/referrals/codes";
import type { FormState } from "@/lib/kernel/form";

type Values = Record<string, string | undefined>;
type Program = { id: string; name: string; markets: string[] };

const inputType = { email: "email", telegram: "text", phone: "tel" } as const;
const autoComplete = { email: "email", telegram: "off", phone: "tel" } as const;

/** A posted opportunity the referral is for: its program is then the only choice. */
type ForOpportunity = { id: string; title: string; lang: string };

/** The partner's referral form: one column, large targets, save a draft or submit. */
export function ReferralForm({ locale, tenant, id, initial, programs, cancelHref, opportunity }: { locale: string; tenant: string; id?: string; initial: Values; programs: Program[]; cancelHref: string; opportunity?: ForOpportunity }) {
  const { t } = useTranslation(["referrals", "common", "opportunities"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveReferralAction.bind(null, { locale, tenant, id }), {});
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const [programId, setProgramId] = useState(values.programId ?? (programs.length === 1 ? programs[0].id : ""));
  const [market, setMarket] = useState(values.market ?? "");
  const [targetMarket, setTargetMarket] = useState(values.targetMarket ?? "");
  const [channel, setChannel] = useState(values.contactChannel ?? "");
  const [fit, setFit] = useState(values.fitReason ?? "");
  const targets = programs.find((p) => p.id === programId)?.markets ?? [];
  const text = (name: string, props: { hint?: string; type?: string; autoComplete?: string; placeholder?: string } = {}) => (
    <Field label={t(`form.${name}`)} name={name} error={errors[name]} hint={props.hint}>
      {(a) => <TextInput {...a} name={name} type={props.type ?? "text"} autoComplete={props.autoComplete ?? "off"} placeholder={props.placeholder} defaultValue={values[name] ?? ""} />}
    </Field>
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-8">
      <FormMessage state={state} />
      {opportunity ? (
        <div className="rounded-lg bg-indigo-50 px-3 py-2.5 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200">
          <p className="text-xs font-medium uppercase tracking-wide text-indigo-700">{t("opportunities:portal.referFor")}</p>
          <p lang={opportunity.lang} className="mt-0.5 font-medium">{opportunity.title}</p>
          <input type="hidden" name="opportunityId" value={opportunity.id} />
        </div>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("form.sections.who")}</legend>
        <div>
          <p className="mb-1 text-sm font-medium text-slate-800" id="kind-label">{t("form.kind")}</p>
          <div role="radiogroup" aria-labelledby="kind-label" className="grid grid-cols-2 gap-2">
            {(["brand", "creator"] as const).map((k) => (
              <label key={k} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
                <input type="radio" name="kind" value={k} defaultChecked={(values.kind ?? "brand") === k} className="size-4 text-indigo-600" />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
          <ErrorText id="f-kind-error" error={errors.kind} />
        </div>
        {text("subjectName", { placeholder: t("form.placeholders.subjectName") })}
        <Field label={t("form.market")} name="market" error={errors.market} hint={t("form.hints.market")}>
          {(a) => (
            <Select {...a} name="market" value={market} onChange={(e) => setMarket(e.target.value)}>
              <option value="" disabled>{t("form.chooseMarket")}</option>
              {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("form.country")} name="country" error={errors.country} hint={t("form.hints.country")}>
          {(a) => <CountryInput {...a} name="country" maxLength={100} defaultValue={values.country ?? ""} />}
        </Field>
        {text("website", { hint: t("form.hints.website"), type: "url", placeholder: "glowlab.ru" })}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("form.platforms")}</legend>
          <p className="text-xs text-slate-500">{t("form.hints.platforms")}</p>
          {Array.from({ length: MAX_PLATFORMS }, (_, i) => {
            const key = (f: string) => `platforms.${i}.${f}`;
            return (
              <div key={i} className="grid grid-cols-[8.5rem_1fr] gap-2">
                <div>
                  <Select name={key("platform")} aria-label={`${t("form.platform")} ${i + 1}`} defaultValue={values[key("platform")] ?? ""} aria-invalid={!!errors[key("platform")]}>
                    <option value="">{t("form.platform")}</option>
                    {platformCodes.map((p) => <option key={p} value={p}>{t(`common:platforms.${p}`)}</option>)}
                  </Select>
                  <ErrorText id={`${key("platform")}-error`} error={errors[key("platform")]} />
                </div>
                <div>
                  <TextInput name={key("handle")} aria-label={`${t("form.handle")} ${i + 1}`} placeholder={t("form.placeholders.handle")} autoComplete="off" autoCapitalize="none" defaultValue={values[key("handle")] ?? ""} aria-invalid={!!errors[key("handle")]} />
                  <ErrorText id={`${key("handle")}-error`} error={errors[key("handle")]} />
                </div>
              </div>
            );
          })}
        </fieldset>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("form.sections.intro")}</legend>
        <Field label={t("form.programId")} name="programId" error={errors.programId}>
          {(a) => (
            <Select {...a} name="programId" value={programId} onChange={(e) => { setProgramId(e.target.value); setTargetMarket(""); }}>
              <option value="" disabled>{t("form.chooseProgram")}</option>
              {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("form.targetMarket")} name="targetMarket" error={errors.targetMarket} hint={t("form.hints.targetMarket")}>
          {(a) => (
            <Select {...a} name="targetMarket" value={targetMarket} onChange={(e) => setTargetMarket(e.target.value)} disabled={targets.length === 0}>
              <option value="" disabled>{t("form.chooseMarket")}</option>
              {targets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
            </Select>
          )}
        </Field>
        {market && targetMarket ? (
          <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" aria-live="polite">
            {t(market === targetMarket ? "form.sameMarket" : "form.crossMarket", { source: market, target: targetMarket })}
          </p>
        ) : null}
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("form.relationship")}</legend>
          <div className="space-y-2">
            {relationships.map((r) => (
              <label key={r} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
                <input type="radio" name="relationship" value={r} defaultChecked={values.relationship === r} className="size-4 text-indigo-600" />
                {t(`relationship.${r}`)}
              </label>
            ))}
          </div>
          <ErrorText id="f-relationship-error" error={errors.relationship} />
        </fieldset>
        <Field label={t("form.fitReason")} name="fitReason" error={errors.fitReason} hint={t("form.hints.fitReason", { count: Math.max(0, MIN_FIT_REASON - fit.trim().length) })}>
          {(a) => <TextArea {...a} name="fitReason" rows={5} value={fit} onChange={(e) => setFit(e.target.value)} placeholder={t("form.placeholders.fitReason")} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("form.sections.contact")}</legend>
        {text("contactName", { autoComplete: "off" })}
        <Field label={t("form.contactChannel")} name="contactChannel" error={errors.contactChannel}>
          {(a) => (
            <Select {...a} name="contactChannel" value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="" disabled>{t("form.chooseChannel")}</option>
              {contactChannels.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("form.contactValue")} name="contactValue" error={errors.contactValue} hint={channel ? t(`form.hints.contact_${channel}`) : undefined}>
          {(a) => {
            const c = (contactChannels as readonly string[]).includes(channel) ? (channel as (typeof contactChannels)[number]) : "email";
            return <TextInput {...a} name="contactValue" type={inputType[c]} autoComplete={autoComplete[c]} autoCapitalize="none" defaultValue={values.contactValue ?? ""} />;
          }}
        </Field>
        <div>
          <label className="flex cursor-pointer items-start gap-3 rounded-lg bg-white p-3 text-sm ring-1 ring-slate-300 has-checked:ring-2 has-checked:ring-indigo-600">
            <input type="checkbox" name="consent" defaultChecked={values.consent === "on"} aria-invalid={!!errors.consent} aria-describedby={errors.consent ? "f-consent-error" : undefined} className="mt-0.5 size-5 shrink-0 rounded border-slate-300 text-indigo-600" />
            <span>{t("form.consent")}</span>
          </label>
          <ErrorText id="f-consent-error" error={errors.consent} />
        </div>
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" name="intent" value="submit" disabled={pending} className="min-h-11">{pending ? t("form.sending") : t("form.submit")}</Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending} className="min-h-11">{t("form.saveDraft")}</Button>
        <ButtonLink href={cancelHref} variant="ghost" className="min-h-11">{t("form.cancel")}</ButtonLink>
      </div>
      <p className="text-xs text-slate-500">{t("form.draftHint")}</p>
    </form>
  );
}
