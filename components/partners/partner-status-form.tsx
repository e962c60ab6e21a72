"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { changePartnerStatusAction } from "@/lib/partners/actions";
import type { PartnerAction } from "@/lib/partners/status-transitions";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

const variants: Record<PartnerAction, ButtonVariant> = {
  approve: "primary",
  reactivate: "primary",
  decline: "danger",
  suspend: "danger",
  remove: "danger",
};

/** One form, one button per allowed action; the clicked button's value names the transition. */
export function PartnerStatusForm({ locale, tenant, id, actions }: { locale: string; tenant: string; id: string; actions: PartnerAction[] }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(changePartnerStatusAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-3">
      <FormStatus state={state} />
      <Field label={t("lifecycle.reason")} name="reason" error={state.fieldErrors?.reason} hint={t("lifecycle.reasonHint")}>
        {(a) => <TextArea {...a} name="reason" rows={2} maxLength={500} defaultValue={state.values?.reason ?? ""} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button key={a} type="submit" name="transition" value={a} variant={variants[a]} disabled={pending}>
            {t(`actions.${a}`)}
          </Button>
        ))}
      </div>
    </form>
  );
}
