"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorText } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TimeZoneInput } from "@/components/ui/time-zone-input";
import type { TimeZoneOption } from "@/lib/i18n/format";
import type { FormState } from "@/lib/kernel/form";
import { setPersonalTimeZoneAction } from "@/lib/settings/actions";

/**
 * A person's own time zone, for staff (Settings) and partners (portal account): the agency's by
 * default, or one they choose. Theirs in every agency they work with.
 */
export function PersonalTimeZoneForm({ locale, own, agencyZone, options }: {
  locale: string; own: string | null; agencyZone: string; options: TimeZoneOption[];
}) {
  const { t } = useTranslation(["timezones", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(setPersonalTimeZoneAction.bind(null, { locale }), {});
  const [mode, setMode] = useState<string>(state.values?.mode ?? (own ? "own" : "agency"));
  const error = state.fieldErrors?.timeZone;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" noValidate data-testid="personal-time-zone">
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : <FormMessage message={state.message} />}
      <p className="text-sm text-slate-600">{t("personal.lead")}</p>
      <fieldset className="space-y-2 text-sm">
        <legend className="sr-only">{t("personal.title")}</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="mode" value="agency" checked={mode === "agency"} onChange={() => setMode("agency")} className="mt-0.5" />
          <span>{t("personal.agency", { zone: agencyZone })}</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="mode" value="own" checked={mode === "own"} onChange={() => setMode("own")} className="mt-0.5" />
          <span>{t("personal.own")}</span>
        </label>
      </fieldset>
      <div>
        <label htmlFor="personal-time-zone" className="mb-1 block text-sm font-medium text-slate-700">{t("personal.label")}</label>
        <TimeZoneInput
          id="personal-time-zone" name="timeZone" defaultValue={state.values?.timeZone ?? own ?? ""} options={options}
          onFocus={() => setMode("own")} aria-invalid={!!error} aria-describedby={error ? "personal-time-zone-error" : undefined}
        />
        <ErrorText id="personal-time-zone-error" error={error} />
      </div>
      <Button type="submit" disabled={pending}>{t("save")}</Button>
    </form>
  );
}
