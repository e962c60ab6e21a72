"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ActionNotice } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { submitReceiptAction } from "@/lib/earnings/actions";
import type { FormState } from "@/lib/kernel/form";

/** A self-employed partner's «Мой налог» receipt for one paid payout. */
export function ReceiptForm({ locale, tenant, payoutId, current }: { locale: string; tenant: string; payoutId: string; current: string | null }) {
  const { t } = useTranslation("earnings");
  const [state, action, pending] = useActionState<FormState, FormData>(submitReceiptAction.bind(null, { locale, tenant, payoutId }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} data-reset-on-success className="space-y-3">
      <ActionNotice state={state} />
      <Field label={t("receipt.label")} name="receiptRef" error={state.fieldErrors?.receiptRef} hint={t("receipt.hint")}>
        {(a) => <TextInput {...a} name="receiptRef" defaultValue={state.values?.receiptRef ?? current ?? ""} autoComplete="off" required maxLength={200} />}
      </Field>
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">{t("receipt.submit")}</Button>
    </form>
  );
}
