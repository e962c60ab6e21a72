"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { recordMonthStatAction } from "@/lib/placements/actions";

/** Staff: a month's impressions of a placement, and the tick that its statistics went to the ОРД. */
export function MonthStatForm({ locale, tenant, id, month }: { locale: string; tenant: string; id: string; month: string }) {
  const { t } = useTranslation("placements");
  const [state, action, pending] = useActionState<FormState, FormData>(recordMonthStatAction.bind(null, { locale, tenant, id }), {});
  const values: Record<string, string> = { month, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field label={t("stats.month")} name="month" error={errors.month}>
        {(a) => <TextInput {...a} type="month" name="month" defaultValue={values.month ?? ""} />}
      </Field>
      <Field label={t("stats.impressions")} name="impressions" error={errors.impressions} hint={t("stats.impressionsHint")}>
        {(a) => <TextInput {...a} name="impressions" inputMode="numeric" autoComplete="off" defaultValue={values.impressions ?? ""} />}
      </Field>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="sent" defaultChecked={values.sent === "on"} className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600" />
        <span>{t("stats.sent")}</span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>{t("stats.save")}</Button>
    </form>
  );
}
