"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { updatePlatformRuleAction } from "@/lib/placements/actions";

/** The owner: one rule's dates, whether it only warns, its threshold and source. */
export function PlatformRuleForm({ locale, tenant, id, withThreshold, defaults }: { locale: string; tenant: string; id: string; withThreshold: boolean; defaults: Record<string, string> }) {
  const { t } = useTranslation("placements");
  const [state, action, pending] = useActionState<FormState, FormData>(updatePlatformRuleAction.bind(null, { locale, tenant, id }), {});
  const values = { ...defaults, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const input = (name: string, label: string, props: Record<string, string> = {}) => (
    <Field label={label} name={`${name}-${id}`} error={errors[name]}>
      {(a) => <TextInput {...a} name={name} defaultValue={values[name] ?? ""} {...props} />}
    </Field>
  );
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="mt-3 space-y-3">
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        {input("effectiveFrom", t("rules.from"), { type: "date" })}
        {input("effectiveTo", t("rules.to"), { type: "date" })}
        {withThreshold ? input("threshold", t("rules.threshold"), { inputMode: "numeric" }) : null}
        {input("source", t("rules.source"))}
        {input("sourceUrl", t("rules.sourceUrl"), { type: "url" })}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="warnOnly" defaultChecked={values.warnOnly === "on"} className="size-4" />
        {t("rules.warnOnly")}
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>{t("rules.save")}</Button>
    </form>
  );
}
