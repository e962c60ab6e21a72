"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import type { PlacementStatus } from "@/lib/kernel/enums";
import { transitionPlacementAction } from "@/lib/placements/actions";

/** Staff: the legal next steps of a placement; publishing asks for the post, its date and proof. */
export function PlacementMoveForm({ locale, tenant, id, options, today }: { locale: string; tenant: string; id: string; options: readonly PlacementStatus[]; today: string }) {
  const { t } = useTranslation("placements");
  const [state, action, pending] = useActionState<FormState, FormData>(transitionPlacementAction.bind(null, { locale, tenant, id }), {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [to, setTo] = useState<string>(values.to ?? options[0] ?? "");
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage state={state} message={state.message ?? errors.to} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("move.choose")}</legend>
        <div className="grid gap-2">
          {options.map((s) => (
            <label key={s} className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
              <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} className="size-4 text-indigo-600" />
              <span className="font-medium">{t(`status.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {to === "published" ? (
        <>
          <Field label={t("fields.postUrl")} name="postUrl" error={errors.postUrl}>
            {(a) => <TextInput {...a} name="postUrl" type="url" defaultValue={values.postUrl ?? ""} />}
          </Field>
          <Field label={t("fields.publishedOn")} name="publishedOn" error={errors.publishedOn}>
            {(a) => <TextInput {...a} name="publishedOn" type="date" max={today} defaultValue={values.publishedOn ?? today} />}
          </Field>
          <Field label={t("fields.proofUrl")} name="proofUrl" error={errors.proofUrl}>
            {(a) => <TextInput {...a} name="proofUrl" type="url" defaultValue={values.proofUrl ?? ""} />}
          </Field>
        </>
      ) : null}
      <Field label={t("fields.note")} name="note" error={errors.note}>
        {(a) => <TextArea {...a} name="note" rows={2} defaultValue={values.note ?? ""} />}
      </Field>
      <Button type="submit" disabled={pending || !to}>{t("move.submit")}</Button>
    </form>
  );
}
