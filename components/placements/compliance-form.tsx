"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { updatePlacementComplianceAction } from "@/lib/placements/actions";

/** Staff: the facts the ad rules read — erid, the channel's size and registry number, the disclosure. */
export function ComplianceForm({ locale, tenant, id, defaults }: { locale: string; tenant: string; id: string; defaults: Record<string, string> }) {
  const { t } = useTranslation("placements");
  const [state, action, pending] = useActionState<FormState, FormData>(updatePlacementComplianceAction.bind(null, { locale, tenant, id }), {});
  const values = { ...defaults, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const fields: [string, string | undefined, Record<string, string>][] = [
    ["erid", t("hints.erid"), {}],
    ["channelSubscribers", undefined, { inputMode: "numeric" }],
    ["rknRegistryNumber", t("hints.rknRegistryNumber"), {}],
    ["disclosureText", t("hints.disclosureText"), {}],
  ];
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage state={state} />
      {fields.map(([name, hint, props]) => (
        <Field key={name} label={t(`fields.${name}`)} name={name} error={errors[name]} hint={hint}>
          {(a) => <TextInput {...a} name={name} autoComplete="off" defaultValue={values[name] ?? ""} {...props} />}
        </Field>
      ))}
      <Button type="submit" variant="secondary" disabled={pending}>{t("detail.save")}</Button>
    </form>
  );
}
