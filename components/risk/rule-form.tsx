"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { saveRiskRuleAction } from "@/lib/risk/actions";
import { riskSeverities, type RiskRuleSettings } from "@/lib/risk/rules";

/** One risk rule's switch, severity and (link rules) threshold and minimum. */
export function RiskRuleForm({ locale, tenant, rule, canEdit }: { locale: string; tenant: string; rule: RiskRuleSettings; canEdit: boolean }) {
  const { t } = useTranslation(["risk", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveRiskRuleAction.bind(null, { locale, tenant }), {});
  const value = (name: string, fallback: string) => (state.ok ? fallback : (state.values?.[name] ?? fallback));
  const limits = rule.kind === "click_spike" || rule.kind === "bot_ratio";
  const name = (field: string) => `${rule.kind}-${field}`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-3" data-rule={rule.kind}>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={rule.kind} />
      <fieldset disabled={!canEdit || pending} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="enabled" defaultChecked={rule.enabled} className="size-4 rounded border-slate-300" />
          {t("risk:rules.enabled")}
        </label>
        <Field label={t("risk:severity.label")} name={name("severity")} error={state.fieldErrors?.severity}>
          {(a11y) => (
            <Select {...a11y} name="severity" defaultValue={value("severity", rule.severity)}>
              {riskSeverities.map((s) => <option key={s} value={s}>{t(`risk:severity.${s}`)}</option>)}
            </Select>
          )}
        </Field>
        {limits ? (
          <>
            <Field label={t(`risk:rules.threshold.${rule.kind}`)} name={name("threshold")} error={state.fieldErrors?.threshold}>
              {(a11y) => <TextInput {...a11y} name="threshold" inputMode="numeric" defaultValue={value("threshold", String(rule.threshold ?? ""))} />}
            </Field>
            <Field label={t(`risk:rules.minClicks.${rule.kind}`)} name={name("minClicks")} error={state.fieldErrors?.minClicks}>
              {(a11y) => <TextInput {...a11y} name="minClicks" inputMode="numeric" defaultValue={value("minClicks", String(rule.minClicks ?? ""))} />}
            </Field>
          </>
        ) : null}
      </fieldset>
      {canEdit ? <Button type="submit" disabled={pending}>{t("risk:rules.save")}</Button> : null}
    </form>
  );
}
