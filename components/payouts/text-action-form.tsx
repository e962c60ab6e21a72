"use client";
import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  /** Unique on the page: the field id is derived from it. */
  idPrefix: string;
  label: string;
  submitLabel: string;
  placeholder?: string;
  variant?: ButtonVariant;
  maxLength?: number;
};

/** A one-field form (release note, external reference, failure reason, receipt number). */
export function TextActionForm({ action, name, idPrefix, label, submitLabel, placeholder, variant = "secondary", maxLength = 200 }: Props) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={run} className="space-y-2">
      <Field label={label} name={`${idPrefix}-${name}`} error={state.fieldErrors?.[name]}>
        {(a) => <TextInput {...a} name={name} required maxLength={maxLength} placeholder={placeholder} defaultValue={state.ok ? "" : state.values?.[name]} />}
      </Field>
      <Button type="submit" variant={variant} disabled={pending}>{submitLabel}</Button>
      <ActionNotice state={state} />
    </form>
  );
}
