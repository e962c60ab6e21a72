"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TimeZoneInput } from "@/components/ui/time-zone-input";
import type { TimeZoneOption } from "@/lib/i18n/format";
import type { FormState } from "@/lib/kernel/form";
import { updateAgencyTimeZoneAction } from "@/lib/settings/actions";

/** The agency's time zone (owners and admins; others see it read-only). */
export function AgencyTimeZoneForm({ locale, tenant, timeZone, now, options, disabled }: {
  locale: string; tenant: string; timeZone: string; now: string; options: TimeZoneOption[]; disabled: boolean;
}) {
  const { t } = useTranslation(["timezones", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updateAgencyTimeZoneAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate data-testid="agency-time-zone">
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : <FormMessage message={state.message} />}
      <p className="text-sm text-slate-600">{t("agency.lead")}</p>
      <Field label={t("agency.label")} name="timeZone" error={state.fieldErrors?.timeZone} hint={t("picker.hint", { example: "Europe/Moscow, America/New_York" })}>
        {(a) => <TimeZoneInput {...a} name="timeZone" defaultValue={state.values?.timeZone ?? timeZone} options={options} disabled={disabled} />}
      </Field>
      <p className="text-xs text-slate-500">{t("agency.now", { time: now })}</p>
      {disabled ? <p className="text-xs text-slate-500">{t("agency.readOnly")}</p> : <Button type="submit" disabled={pending}>{t("save")}</Button>}
    </form>
  );
}
