"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/partners/form-status";
import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { createProgramAction } from "@/lib/programs/actions";
import type { FormState } from "@/lib/kernel/form";
import { Labelled, ProgramSettingsFields, a11y } from "./program-fields";

const modes = ["direct", "pool", "both"] as const;

/** `defaultMarkets`: the agency's enabled markets, ticked on a new program. */
export function ProgramForm({ locale, tenant, defaultMarkets }: { locale: string; tenant: string; defaultMarkets: readonly string[] }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(createProgramAction.bind(null, { locale, tenant }), {});
  // After a success the form starts over (new key), keeping only the confirmation.
  const fresh: Record<string, string> = { "markets[]": defaultMarkets.join(",") };
  const values = state.ok ? fresh : (state.values ?? fresh);
  const errors = state.fieldErrors ?? {};
  return (
    <form key={state.ok ? `done-${state.message?.values?.name}` : "form"} action={action} noValidate className="space-y-5">
      <FormStatus state={state} />
      {state.ok && state.message?.values?.id ? (
        <p className="rounded-lg bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200" data-next-step="commission-rule">
          {t("programs.nextRule")}{" "}
          <Link href={`/${locale}/t/${tenant}/commissions/rules?program=${encodeURIComponent(String(state.message.values.id))}#rule-form`} className="font-semibold underline">
            {t("programs.nextRuleLink")} →
          </Link>
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled id="new-program-name" label={t("programs.fields.name")} error={errors.name}>
          <TextInput {...a11y("new-program-name", errors.name)} name="name" autoComplete="off" defaultValue={values.name ?? ""} />
        </Labelled>
        <Labelled id="new-program-mode" label={t("programs.fields.mode")} error={errors.mode}>
          <Select {...a11y("new-program-mode", errors.mode)} name="mode" defaultValue={values.mode ?? "direct"}>
            {modes.map((m) => <option key={m} value={m}>{t(`programs.modes.${m}`)}</option>)}
          </Select>
        </Labelled>
      </div>
      <Labelled id="new-program-description" label={t("programs.fields.description")} error={errors.description}>
        <TextArea {...a11y("new-program-description", errors.description)} name="description" rows={2} maxLength={1000} defaultValue={values.description ?? ""} />
      </Labelled>
      <ProgramSettingsFields prefix="new-program" values={values} errors={errors} />
      <Button type="submit" disabled={pending}>{pending ? t("programs.creating") : t("programs.create")}</Button>
    </form>
  );
}
