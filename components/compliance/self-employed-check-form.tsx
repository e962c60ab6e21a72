"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { setSelfEmployedCheckedAction } from "@/lib/compliance/actions";
import type { FormState } from "@/lib/kernel/form";
import { DateInput } from "@/components/ui/date-input";

/** Staff: record the day the partner's НПД status was checked in «Мой налог» / npd.nalog.ru. */
export function SelfEmployedCheckForm({ locale, tenant, partnerId, today }: { locale: string; tenant: string; partnerId: string; today: string }) {
  const { t } = useTranslation(["compliance", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(setSelfEmployedCheckedAction.bind(null, { locale, tenant }), {});
  const id = `checked-${partnerId}`;
  const error = state.fieldErrors?.checkedOn ?? (state.ok ? undefined : state.message);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="partnerId" value={partnerId} />
      <div>
        <label htmlFor={id} className="sr-only">{t("profiles.checkedOn")}</label>
        <DateInput locale={locale} id={id} name="checkedOn" defaultValue={state.values?.checkedOn ?? today} aria-invalid={!!error} aria-describedby={`${id}-error`} className="w-32 py-1.5" />
        <ErrorText id={`${id}-error`} error={error} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1.5 text-xs">{t("profiles.setChecked")}</Button>
    </form>
  );
}
