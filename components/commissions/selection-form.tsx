"use client";
import type { ReactNode } from "react";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { selectionAction } from "@/lib/commissions/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

/**
 * Wraps the ledger table (its rows carry `ids[]` checkboxes) or one commission (a hidden `ids[]`):
 * approve now (staff override of the hold) or void with a reason.
 */
export function SelectionForm({ locale, tenant, children, single = false }: { locale: string; tenant: string; children: ReactNode; single?: boolean }) {
  const { t } = useTranslation("commissions");
  const [state, action, pending] = useActionState<FormState, FormData>(selectionAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
      <ActionNotice state={state} />
      {children}
      <div className="grid gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <Field label={t("selection.reason")} name="reason" error={state.fieldErrors?.reason} hint={t("selection.reasonHint")}>
          {(a11y) => <TextInput {...a11y} name="reason" maxLength={500} defaultValue={state.values?.reason ?? ""} />}
        </Field>
        <Button type="submit" name="op" value="approve" disabled={pending}>{single ? t("actions.approveOne") : t("actions.approveSelected")}</Button>
        <Button type="submit" name="op" value="void" variant="danger" disabled={pending}>{single ? t("actions.voidOne") : t("actions.voidSelected")}</Button>
      </div>
    </form>
  );
}
