"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ActionNotice, FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { savePayoutMethodAction, startStripeOnboardingAction } from "@/lib/earnings/actions";
import type { FormState } from "@/lib/kernel/form";

type Target = { locale: string; tenant: string };
export type BankDetails = { payeeName: string; inn: string; bankName: string; bic: string; accountNumber: string; corrAccount: string };

/** Russian bank details for the RUB registry (payee, INN, bank, BIC, account, correspondent account). */
export function BankDetailsForm({ target, initial }: { target: Target; initial: Partial<BankDetails> }) {
  const { t } = useTranslation("earnings");
  const [state, action, pending] = useActionState<FormState, FormData>(savePayoutMethodAction.bind(null, target), {});
  const value = (name: keyof BankDetails) => state.values?.[name] ?? initial[name] ?? "";
  const field = (name: keyof BankDetails, hint?: string, extra: Record<string, string | number> = {}) => (
    <Field label={t(`account.registry.${name}`)} name={name} error={state.fieldErrors?.[name]} hint={hint}>
      {(a) => <TextInput {...a} name={name} defaultValue={value(name)} required autoComplete="off" {...extra} />}
    </Field>
  );
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" aria-label={t("account.registry.title")}>
      <ActionNotice state={state} />
      <input type="hidden" name="rail" value="registry" />
      {field("payeeName", t("account.registry.payeeNameHint"), { maxLength: 200 })}
      {field("inn", t("account.registry.innHint"), { inputMode: "numeric", maxLength: 16 })}
      {field("bankName", undefined, { maxLength: 200 })}
      {field("bic", t("account.registry.bicHint"), { inputMode: "numeric", maxLength: 12 })}
      {field("accountNumber", t("account.registry.twentyDigits"), { inputMode: "numeric", maxLength: 30 })}
      {field("corrAccount", t("account.registry.twentyDigits"), { inputMode: "numeric", maxLength: 30 })}
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">{t("account.registry.submit")}</Button>
    </form>
  );
}

/** Any other arrangement: free-text details and the currency. */
export function ManualMethodForm({ target, initial }: { target: Target; initial: { details: string; currency: string } }) {
  const { t } = useTranslation("earnings");
  const [state, action, pending] = useActionState<FormState, FormData>(savePayoutMethodAction.bind(null, target), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" aria-label={t("account.manual.title")}>
      <ActionNotice state={state} />
      <input type="hidden" name="rail" value="manual" />
      <Field label={t("account.manual.details")} name="details" error={state.fieldErrors?.details} hint={t("account.manual.detailsHint")}>
        {(a) => <TextArea {...a} name="details" defaultValue={state.values?.details ?? initial.details} required maxLength={1000} />}
      </Field>
      <Field label={t("account.manual.currency")} name="currency" error={state.fieldErrors?.currency}>
        {(a) => (
          <Select {...a} name="currency" defaultValue={state.values?.currency ?? initial.currency}>
            <option value="USD">USD</option>
            <option value="RUB">RUB</option>
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">{t("account.manual.submit")}</Button>
    </form>
  );
}

/** Starts (or resumes) Stripe onboarding: the action redirects to Stripe's hosted page. */
export function StripeConnectButton({ target, label, disabled }: { target: Target; label: string; disabled: boolean }) {
  const { t } = useTranslation("earnings");
  const [state, action, pending] = useActionState<FormState, FormData>(startStripeOnboardingAction.bind(null, target), {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.ok ? undefined : state.message} />
      <Button type="submit" disabled={disabled || pending} className="min-h-11 w-full sm:w-auto">{pending ? t("account.stripe.working") : label}</Button>
    </form>
  );
}
