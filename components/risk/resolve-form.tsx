"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { ErrorText, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { resolveRiskCaseAction } from "@/lib/risk/actions";

/** Staff decision on an open review: clear it, or confirm it (voids the held commissions, optionally suspends the partner). */
export function ResolveForm({ locale, tenant, caseId }: { locale: string; tenant: string; caseId: string }) {
  const { t } = useTranslation(["risk", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(resolveRiskCaseAction.bind(null, { locale, tenant, id: caseId }), {});
  const id = `risk-note-${caseId}`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-2">
      <FormMessage state={state} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{t("risk:resolve.note")}</label>
      <TextInput
        id={id} name="note" placeholder={t("risk:resolve.notePlaceholder")} defaultValue={state.ok ? "" : (state.values?.note ?? "")}
        aria-invalid={!!state.fieldErrors?.note} aria-describedby={`${id}-error`} maxLength={500}
      />
      <ErrorText id={`${id}-error`} error={state.fieldErrors?.note} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="suspend" className="size-4 rounded border-slate-300" />
        {t("risk:resolve.suspend")}
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="op" value="clear" variant="secondary" disabled={pending}>{t("risk:resolve.clear")}</Button>
        <Button type="submit" name="op" value="confirm" variant="danger" disabled={pending}>{t("risk:resolve.confirm")}</Button>
      </div>
    </form>
  );
}
