"use client";
import { CurrencyInput } from "@/components/ui/country-input";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { adjustmentAction } from "@/lib/commissions/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

/** A manual ledger row: partner, currency, signed amount and a required reason. */
export function AdjustmentForm({ locale, tenant, partners }: { locale: string; tenant: string; partners: { id: string; name: string; market: string }[] }) {
  const { t } = useTranslation("commissions");
  const [state, action, pending] = useActionState<FormState, FormData>(adjustmentAction.bind(null, { locale, tenant }), {});
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} data-reset-on-success className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2"><ActionNotice state={state} /></div>
      <Field label={t("adjustment.partner")} name="partnerId" error={errors.partnerId}>
        {(a11y) => (
          <Select {...a11y} name="partnerId" required defaultValue={v.partnerId ?? ""}>
            <option value="">{t("form.choose")}</option>
            {partners.map((p) => <option key={p.id} value={p.id}>{`${p.name} (${t(`common:markets.${p.market}`)})`}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("adjustment.currency")} name="currency" error={errors.currency}>
        {(a11y) => <CurrencyInput {...a11y} name="currency" required maxLength={60} defaultValue={v.currency ?? "USD"} />}
      </Field>
      <Field label={t("adjustment.amount")} name="amount" error={errors.amount} hint={t("adjustment.amountHint")}>
        {(a11y) => <TextInput {...a11y} name="amount" required defaultValue={v.amount ?? ""} />}
      </Field>
      <Field label={t("adjustment.reason")} name="reason" error={errors.reason}>
        {(a11y) => <TextInput {...a11y} name="reason" required maxLength={500} defaultValue={v.reason ?? ""} />}
      </Field>
      <div className="sm:col-span-2"><Button type="submit" disabled={pending}>{t("adjustment.submit")}</Button></div>
    </form>
  );
}
