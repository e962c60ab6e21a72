"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { updateClickRetentionAction } from "@/lib/settings/actions";
import type { FormState } from "@/lib/kernel/form";

/** Months of raw clicks kept (empty = forever); only the owner may change it. */
export function ClickRetentionForm({ locale, tenant, months, disabled }: { locale: string; tenant: string; months: number | null; disabled: boolean }) {
  const { t } = useTranslation(["settings", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updateClickRetentionAction.bind(null, { locale, tenant }), {});
  const value = state.values?.clickRetentionMonths ?? (months === null ? "" : String(months));
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : <FormMessage message={state.message} />}
      <p className="text-sm text-slate-600">{months === null ? t("retention.forever") : t("retention.current", { count: months })}</p>
      <Field label={t("retention.months")} name="clickRetentionMonths" error={state.fieldErrors?.clickRetentionMonths} hint={t("retention.hint")}>
        {(a) => <TextInput {...a} name="clickRetentionMonths" type="number" min={3} max={120} inputMode="numeric" defaultValue={value} disabled={disabled} />}
      </Field>
      {disabled ? <p className="text-xs text-slate-500">{t("retention.ownerOnly")}</p> : <Button type="submit" disabled={pending}>{t("save")}</Button>}
    </form>
  );
}
