"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/partners/form-status";
import { Button } from "@/components/ui/button";
import { updateProgramSettingsAction } from "@/lib/programs/actions";
import type { FormState } from "@/lib/kernel/form";
import { ProgramSettingsFields, type Values } from "./program-fields";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function ProgramSettingsForm({ locale, tenant, id, initial }: { locale: string; tenant: string; id: string; initial: Values }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(updateProgramSettingsAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormStatus state={state} />
      <ProgramSettingsFields prefix={`program-${id}`} values={state.ok ? initial : (state.values ?? initial)} errors={state.fieldErrors ?? {}} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? t("programs.saving") : t("programs.save")}</Button>
    </form>
  );
}
