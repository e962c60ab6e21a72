"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormMessage } from "@/components/ui/form-message";
import { updateWorkspaceAction } from "@/lib/staff/actions";
import type { FormState } from "@/lib/kernel/form";

export function WorkspaceForm({ locale, tenant, initial, disabled }: { locale: string; tenant: string; initial: { name: string; reportingCurrency: string; boardEmbedOrigins: string }; disabled: boolean }) {
  const { t } = useTranslation(["settings", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(updateWorkspaceAction.bind(null, { locale, tenant }), {});
  const v = state.values ?? initial;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : <FormMessage message={state.message} />}
      <Field label={t("workspace.name")} name="name" error={state.fieldErrors?.name}>
        {(a) => <TextInput {...a} name="name" defaultValue={v.name} disabled={disabled} />}
      </Field>
      <Field label={t("workspace.currency")} name="reportingCurrency" error={state.fieldErrors?.reportingCurrency} hint={t("workspace.currencyHint")}>
        {(a) => (
          <Select {...a} name="reportingCurrency" defaultValue={v.reportingCurrency} disabled={disabled}>
            {["USD", "RUB", "EUR", "KZT"].map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("workspace.embedOrigins")} name="boardEmbedOrigins" error={state.fieldErrors?.boardEmbedOrigins ?? firstItemError(state)} hint={t("workspace.embedOriginsHint")}>
        {(a) => <TextArea {...a} name="boardEmbedOrigins" rows={3} defaultValue={v.boardEmbedOrigins} disabled={disabled} placeholder="https://agency.example" />}
      </Field>
      {disabled ? <p className="text-xs text-slate-500">{t("readOnly")}</p> : <Button type="submit" disabled={pending}>{t("save")}</Button>}
    </form>
  );
}

/** A bad origin reports as `boardEmbedOrigins.<n>`: show it on the field. */
function firstItemError(state: FormState) {
  const key = Object.keys(state.fieldErrors ?? {}).find((k) => k.startsWith("boardEmbedOrigins."));
  return key ? state.fieldErrors![key] : undefined;
}
