"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { ReferralStatus } from "@/lib/kernel/enums";
import { transitionReferralAction } from "@/lib/referrals/actions";
import { dealCurrencies, rejectReasons } from "@/lib/referrals/codes";
import type { FormState } from "@/lib/kernel/form";
import { DateInput } from "@/components/ui/date-input";

/** Staff: the legal next steps of a referral, each asking only for the inputs it needs. */
export function TransitionForm({ locale, tenant, id, current, options, skipped = {}, knownClient = false, currency, today, view }: {
  locale: string; tenant: string; id: string; current?: ReferralStatus; options: ReferralStatus[];
  /** "board": made from the pipeline board, which the action returns to. */
  view?: "board";
  /** Per target, the stages a one-step shortcut skips (recorded in the history all the same). */
  skipped?: Partial<Record<ReferralStatus, ReferralStatus[]>>;
  knownClient?: boolean;
  currency: string; today: string;
}) {
  const { t } = useTranslation("referrals");
  const stages = (via: ReferralStatus[]) =>
    new Intl.ListFormat(locale, { type: "conjunction" }).format(via.map((s) => t("transition.stageName", { name: t(`status.${s}`) })));
  const [state, action, pending] = useActionState<FormState, FormData>(transitionReferralAction.bind(null, { locale, tenant, id, ...(view ? { view } : {}) }), {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [to, setTo] = useState<string>(values.to ?? (options.length === 1 ? options[0] : ""));

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage message={state.message ?? errors.to} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("transition.choose")}</legend>
        <div className="grid gap-2">
          {options.map((s) => (
            <label key={s} className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600">
              <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} className="size-4 text-indigo-600" />
              <span>
                <span className="font-medium">{current === "won" && s === "in_negotiation" ? t("transition.reopen") : t(`transition.to.${s}`)}</span>
                {current === "won" && s === "in_negotiation" ? <span className="block text-xs text-slate-600">{t("transition.reopenHint")}</span> : null}
                {skipped[s]?.length ? (
                  <span className="block text-xs text-slate-600">
                    {[knownClient && skipped[s]!.includes("qualified") ? t("transition.knownClient") : null, t("transition.skips", { count: skipped[s]!.length, steps: stages(skipped[s]!) })].filter(Boolean).join(" · ")}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {to === "rejected" ? (
        <Field label={t("transition.rejectReason")} name="rejectReason" error={errors.rejectReason}>
          {(a) => (
            <Select {...a} name="rejectReason" defaultValue={values.rejectReason ?? ""}>
              <option value="" disabled>{t("transition.chooseReason")}</option>
              {rejectReasons.map((r) => <option key={r} value={r}>{t(`rejectReason.${r}`)}</option>)}
            </Select>
          )}
        </Field>
      ) : null}

      {to === "won" ? (
        <div className="grid gap-3 sm:grid-cols-[1fr_7rem]">
          <Field label={t("transition.dealValue")} name="dealValue" error={errors.dealValue} hint={t("transition.dealValueHint")}>
            {(a) => <TextInput {...a} name="dealValue" autoComplete="off" defaultValue={values.dealValue ?? ""} />}
          </Field>
          <Field label={t("transition.dealCurrency")} name="dealCurrency" error={errors.dealCurrency}>
            {(a) => (
              <Select {...a} name="dealCurrency" defaultValue={values.dealCurrency ?? currency}>
                {dealCurrencies.map((c) => <option key={c} value={c}>{c}</option>)}
              </Select>
            )}
          </Field>
          <div className="sm:col-span-2">
            <Field label={t("transition.closedOn")} name="closedOn" error={errors.closedOn}>
              {(a) => <DateInput {...a} locale={locale} name="closedOn" defaultValue={values.closedOn ?? today} />}
            </Field>
          </div>
        </div>
      ) : null}

      {to ? (
        <>
          <Field label={t(to === "lost" ? "transition.lostReason" : "transition.note")} name="note" error={errors.note}>
            {(a) => <TextArea {...a} name="note" defaultValue={values.note ?? ""} />}
          </Field>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="internal" defaultChecked={values.to ? values.internal === "on" : true} className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600" />
            <span>{t("transition.internal")}</span>
          </label>
          <Button type="submit" disabled={pending}>{pending ? t("transition.saving") : t("transition.submit", { status: t(`status.${to}`) })}</Button>
        </>
      ) : null}
    </form>
  );
}
