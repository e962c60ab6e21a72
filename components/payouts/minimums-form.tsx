"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { saveMinimumsAction } from "@/lib/payouts/actions";
import { currencyInSentence } from "@/lib/kernel/currencies";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

/** Minimum net payout per currency, typed in major units ("50.00"); empty = no minimum. */
export function MinimumsForm({ locale, tenant, minimums }: { locale: string; tenant: string; minimums: { currency: string; value: string }[] }) {
  const { t } = useTranslation("payouts");
  const [state, action, pending] = useActionState<FormState, FormData>(saveMinimumsAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {minimums.map((m) => (
          <Field key={m.currency} label={t("minimums.label", { currency: currencyInSentence(m.currency, locale) })} name={`min.${m.currency}`} error={state.fieldErrors?.[`min.${m.currency}`]} hint={t("minimums.hint")}>
            {(a) => <TextInput {...a} name={`min.${m.currency}`} inputMode="decimal" defaultValue={state.values?.[`min.${m.currency}`] ?? m.value} />}
          </Field>
        ))}
      </div>
      <Button type="submit" disabled={pending}>{t("minimums.save")}</Button>
      <ActionNotice state={state} />
    </form>
  );
}
