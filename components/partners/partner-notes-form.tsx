"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { ErrorText, TextArea } from "@/components/ui/field";
import { savePartnerNotesAction } from "@/lib/partners/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function PartnerNotesForm({ locale, tenant, id, notes }: { locale: string; tenant: string; id: string; notes: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(savePartnerNotesAction.bind(null, { locale, tenant, id }), {});
  const error = state.fieldErrors?.notes;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-3">
      <FormStatus state={state} />
      <p id="notes-hint" className="text-xs text-slate-500">{t("notes.hint")}</p>
      <TextArea
        name="notes"
        rows={5}
        maxLength={4000}
        aria-label={t("notes.title")}
        aria-describedby={error ? "notes-error" : "notes-hint"}
        aria-invalid={!!error}
        defaultValue={state.values?.notes ?? notes}
      />
      <ErrorText id="notes-error" error={error} />
      <Button type="submit" variant="secondary" disabled={pending}>{t("notes.save")}</Button>
    </form>
  );
}
