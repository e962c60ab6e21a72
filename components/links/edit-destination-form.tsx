"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { updateLinkDestinationAction } from "@/lib/links/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

/** Staff: change where a link goes (empty = the default board page) and its label. */
export function EditDestinationForm({ locale, tenant, id, destinationUrl, label }: { locale: string; tenant: string; id: string; destinationUrl: string; label: string | null }) {
  const { t } = useTranslation("links");
  const [state, action, pending] = useActionState<FormState, FormData>(updateLinkDestinationAction.bind(null, { locale, tenant, id }), {});
  const value = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  return (
    <details className="text-left">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700 hover:underline">{t("actions.edit")}</summary>
      <form action={action} onSubmit={submitWithoutReset(action)} className="mt-2 w-80 space-y-3">
        <ActionNotice state={state} />
        <Field label={t("form.destination")} name={`destinationUrl-${id}`} error={state.fieldErrors?.destinationUrl} hint={t("form.destinationHint")}>
          {(a11y) => <TextInput {...a11y} name="destinationUrl" type="url" inputMode="url" maxLength={2000} defaultValue={value("destinationUrl", destinationUrl)} />}
        </Field>
        <Field label={t("form.label")} name={`label-${id}`} error={state.fieldErrors?.label}>
          {(a11y) => <TextInput {...a11y} name="label" maxLength={120} defaultValue={value("label", label ?? "")} />}
        </Field>
        <Button type="submit" disabled={pending}>{t("actions.save")}</Button>
      </form>
    </details>
  );
}
