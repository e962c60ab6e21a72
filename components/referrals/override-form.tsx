"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { overrideDuplicateAction } from "@/lib/referrals/actions";
import type { FormState } from "@/lib/kernel/form";

/** Staff: reopen a referral rejected as a duplicate, with the reason on record. */
export function OverrideForm({ locale, tenant, id }: { locale: string; tenant: string; id: string }) {
  const { t } = useTranslation("referrals");
  const [state, action, pending] = useActionState<FormState, FormData>(overrideDuplicateAction.bind(null, { locale, tenant, id }), {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      <Field label={t("override.reason")} name="reason" error={errors.reason} hint={t("override.reasonHint")}>
        {(a) => <TextArea {...a} name="reason" defaultValue={values.reason ?? ""} />}
      </Field>
      <Field label={t("override.to")} name="to" error={errors.to}>
        {(a) => (
          <Select {...a} name="to" defaultValue={values.to ?? "in_review"}>
            <option value="in_review">{t("status.in_review")}</option>
            <option value="submitted">{t("status.submitted")}</option>
          </Select>
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>{t("override.submit")}</Button>
    </form>
  );
}
