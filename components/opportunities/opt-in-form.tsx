"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { ConsentCheckbox, Honeypot } from "@/components/ui/consent";
import { CountryInput } from "@/components/ui/country-input";
import { ErrorText, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { markets, platformCodes } from "@/lib/directory/platforms";
import { MAX_OPT_IN_PLATFORMS, MAX_PITCH } from "@/lib/opportunities/codes";
import { optInAction } from "@/lib/opportunities/public-actions";
import type { FormState } from "@/lib/kernel/form";

type Props = { locale: string; tenant: string; id: string; kind: "brand" | "creator"; agency: string; defaultMarket: string };

/** The public opt-in: who you are, where to find you, how to reach you, and a separate consent. */
export function OptInForm({ locale, tenant, id, kind, agency, defaultMarket }: Props) {
  const { t } = useTranslation(["board", "common"]);
  const [state, action, pending] = useActionState<FormState, FormData>(optInAction.bind(null, { locale, tenant, id }), {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [pitch, setPitch] = useState(v.pitch ?? "");
  if (state.ok && state.message) {
    const outcome = state.message.key === "already_received" ? "already_received" : "received";
    return (
      <div role="status" className="space-y-2 py-4 text-center">
        <p className="text-3xl" aria-hidden>{outcome === "received" ? "✓" : "✉"}</p>
        <h3 className="text-lg font-semibold">{t(`optIn.${outcome}.title`)}</h3>
        <p className="text-sm text-slate-600">{t(`optIn.${outcome}.body`, { agency })}</p>
      </div>
    );
  }
  const text = (name: string, props: { type?: string; autoComplete?: string; hint?: string; placeholder?: string; max?: number } = {}) => (
    <Field label={t(`optIn.fields.${name === "name" ? `name_${kind}` : name}`)} name={name} error={e[name]} hint={props.hint}>
      {(a) => <TextInput {...a} name={name} type={props.type ?? "text"} autoComplete={props.autoComplete ?? "off"} placeholder={props.placeholder} maxLength={props.max ?? 200} defaultValue={v[name] ?? ""} />}
    </Field>
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-6">
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", { autoComplete: kind === "brand" ? "organization" : "nickname", max: 120 })}
        <Field label={t("optIn.fields.market")} name="market" error={e.market}>
          {(a) => (
            <Select {...a} name="market" defaultValue={v.market ?? defaultMarket}>
              {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("optIn.fields.country")} name="country" error={e.country} hint={t("optIn.hints.country")}>
          {(a) => <CountryInput {...a} name="country" maxLength={100} defaultValue={v.country ?? ""} />}
        </Field>
        {text("website", { type: "url", autoComplete: "url", hint: t("optIn.hints.website"), placeholder: kind === "brand" ? "glowlab.com" : "linktr.ee/you", max: 300 })}
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("optIn.fields.platforms")}</legend>
        <p className="text-xs text-slate-500">{t(`optIn.hints.platforms_${kind}`)}</p>
        <ErrorText id="f-platforms-error" error={e.platforms} />
        {Array.from({ length: MAX_OPT_IN_PLATFORMS }, (_, i) => {
          const key = (f: string) => `platforms.${i}.${f}`;
          return (
            <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-[9rem_1fr_8rem]">
              <div>
                <Select name={key("platform")} aria-label={`${t("optIn.fields.platform")} ${i + 1}`} defaultValue={v[key("platform")] ?? ""} aria-invalid={!!e[key("platform")]}>
                  <option value="">{t("optIn.fields.platform")}</option>
                  {platformCodes.map((p) => <option key={p} value={p}>{t(`common:platforms.${p}`)}</option>)}
                </Select>
                <ErrorText id={`${key("platform")}-error`} error={e[key("platform")]} />
              </div>
              <div>
                <TextInput name={key("handle")} aria-label={`${t("optIn.fields.handle")} ${i + 1}`} placeholder={t("optIn.fields.handle")} autoComplete="off" autoCapitalize="none" maxLength={200} defaultValue={v[key("handle")] ?? ""} aria-invalid={!!e[key("handle")]} />
                <ErrorText id={`${key("handle")}-error`} error={e[key("handle")]} />
              </div>
              <div className="col-span-2 sm:col-span-1">
                <TextInput name={key("audienceSize")} aria-label={`${t("optIn.fields.audience")} ${i + 1}`} placeholder={t("optIn.placeholders.audience")} autoComplete="off" maxLength={20} defaultValue={v[key("audienceSize")] ?? ""} aria-invalid={!!e[key("audienceSize")]} />
                <ErrorText id={`${key("audienceSize")}-error`} error={e[key("audienceSize")]} />
              </div>
            </div>
          );
        })}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        {text("contactName", { autoComplete: "name", max: 120 })}
        {text("contactEmail", { type: "email", autoComplete: "email" })}
      </div>
      <Field label={t("optIn.fields.pitch")} name="pitch" error={e.pitch} hint={t("optIn.hints.pitch", { count: MAX_PITCH - pitch.length })}>
        {(a) => <TextArea {...a} name="pitch" rows={5} maxLength={MAX_PITCH} value={pitch} onChange={(ev) => setPitch(ev.target.value)} placeholder={t(`optIn.placeholders.pitch_${kind}`)} />}
      </Field>

      <Honeypot name="homepage" label={t("optIn.honeypot")} />

      <ConsentCheckbox label={t("optIn.consent", { agency })} checked={v.consent === "yes"} error={e.consent} />
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">{pending ? t("optIn.sending") : t("optIn.submit")}</Button>
    </form>
  );
}
