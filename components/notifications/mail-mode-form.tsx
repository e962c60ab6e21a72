"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { updateMailModeAction, updatePartnerNoticeModeAction, updateStaleDaysAction } from "@/lib/notifications/actions";

function Saved({ state }: { state: FormState }) {
  const { t } = useTranslation("errors");
  return state.ok && state.message ? <Notice tone="success">{t(state.message.key)}</Notice> : <FormMessage state={state} />;
}

function Choices({ name, legend, options, current }: { name: string; legend: string; options: { value: string; label: string }[]; current: string }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-slate-900">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-start gap-2 text-sm text-slate-700">
          <input type="radio" name={name} value={o.value} defaultChecked={current === o.value} className="mt-0.5 size-4 shrink-0 text-indigo-600" />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Staff: instant / daily digest / off, for this agency. */
export function MailModeForm({ locale, tenant, mode }: { locale: string; tenant: string; mode: string }) {
  const { t } = useTranslation(["notifications", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updateMailModeAction.bind(null, { locale, tenant }), {});
  const current = state.values?.mailMode ?? mode;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <Saved state={state} />
      <Choices
        name="mailMode" legend={t("settings.mailMode")} current={current}
        options={(["instant", "digest", "off"] as const).map((m) => ({ value: m, label: t(`settings.mode.${m}`) }))}
      />
      <Button type="submit" disabled={pending}>{t("settings.save")}</Button>
    </form>
  );
}

/** Owners and admins: the agency's "waiting too long" threshold. */
export function StaleDaysForm({ locale, tenant, days, disabled }: { locale: string; tenant: string; days: number; disabled: boolean }) {
  const { t } = useTranslation(["notifications", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updateStaleDaysAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <Saved state={state} />
      <Field label={t("settings.staleDays")} name="staleReferralDays" error={state.fieldErrors?.staleReferralDays} hint={t("settings.staleHint")}>
        {(a) => <TextInput {...a} name="staleReferralDays" type="number" min={1} max={90} inputMode="numeric" defaultValue={state.values?.staleReferralDays ?? String(days)} disabled={disabled} />}
      </Field>
      {disabled ? <p className="text-xs text-slate-500">{t("settings.adminOnly")}</p> : <Button type="submit" disabled={pending}>{t("settings.save")}</Button>}
    </form>
  );
}

/** Portal: the partner's status e-mails, instant or a daily digest. */
export function PartnerNoticeModeForm({ locale, tenant, mode }: { locale: string; tenant: string; mode: string }) {
  const { t } = useTranslation(["notifications", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updatePartnerNoticeModeAction.bind(null, { locale, tenant }), {});
  const current = state.values?.noticeMode ?? mode;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <Saved state={state} />
      <Choices
        name="noticeMode" legend={t("partner.mode")} current={current}
        options={(["instant", "digest"] as const).map((m) => ({ value: m, label: t(`partner.${m}`) }))}
      />
      <Button type="submit" disabled={pending}>{t("partner.save")}</Button>
    </form>
  );
}
