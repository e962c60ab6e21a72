"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { setPartnerTierAction } from "@/lib/partners/actions";
import { trustTiers } from "@/lib/partners/trust-tiers";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function PartnerTierForm({ locale, tenant, id, tier }: { locale: string; tenant: string; id: string; tier: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(setPartnerTierAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
      <FormStatus state={state} />
      <p className="text-xs text-slate-500">{t("tier.hint")}</p>
      <div className="flex gap-2">
        <Select name="tier" defaultValue={tier} aria-label={t("tier.title")}>
          {trustTiers.map((value) => <option key={value} value={value}>{t(`tiers.${value}`)}</option>)}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">{t("tier.save")}</Button>
      </div>
    </form>
  );
}
