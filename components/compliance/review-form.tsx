"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { ErrorText, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { reviewScreeningAction } from "@/lib/compliance/actions";
import type { FormState } from "@/lib/kernel/form";

/** Staff decision on a screening with matches: clear as a false positive, or block — with a note. */
export function ReviewForm({ locale, tenant, screeningId, canClear, canBlock }: { locale: string; tenant: string; screeningId: string; canClear: boolean; canBlock: boolean }) {
  const { t } = useTranslation(["compliance", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(reviewScreeningAction.bind(null, { locale, tenant }), {});
  const id = `note-${screeningId}`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="min-w-56 space-y-2">
      <FormMessage message={state.ok ? undefined : state.message} />
      <input type="hidden" name="screeningId" value={screeningId} />
      <label htmlFor={id} className="sr-only">{t("screenings.note")}</label>
      <TextInput id={id} name="note" placeholder={t("screenings.notePlaceholder")} defaultValue={state.ok ? "" : (state.values?.note ?? "")} aria-invalid={!!state.fieldErrors?.note} aria-describedby={`${id}-error`} className="py-1.5" />
      <ErrorText id={`${id}-error`} error={state.fieldErrors?.note} />
      <div className="flex flex-wrap gap-2">
        {canClear ? <Button type="submit" name="decision" value="clear" variant="secondary" disabled={pending} className="px-2.5 py-1.5 text-xs">{t("screenings.clear")}</Button> : null}
        {canBlock ? <Button type="submit" name="decision" value="block" variant="danger" disabled={pending} className="px-2.5 py-1.5 text-xs">{t("screenings.block")}</Button> : null}
      </div>
    </form>
  );
}
