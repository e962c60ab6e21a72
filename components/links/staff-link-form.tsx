"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { createStaffLinkAction } from "@/lib/links/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";
import { LinkTargetFields, type OpportunityOption } from "./link-form-fields";

type Props = {
  locale: string; tenant: string;
  partners: { id: string; name: string; market: string; programIds: string[] }[];
  programs: { id: string; name: string }[];
  opportunities: OpportunityOption[];
  markets: string[];
};

/** Staff: a link for an enrolled partner; the program list follows the chosen partner's enrolments. */
export function StaffLinkForm({ locale, tenant, partners, programs, opportunities, markets }: Props) {
  const { t } = useTranslation("links");
  const [state, action, pending] = useActionState<FormState, FormData>(createStaffLinkAction.bind(null, { locale, tenant }), {});
  const [partnerId, setPartnerId] = useState(state.values?.partnerId ?? "");
  const [programId, setProgramId] = useState(state.values?.programId ?? "");
  const partner = partners.find((p) => p.id === partnerId);
  const allowed = partner ? programs.filter((p) => partner.programIds.includes(p.id)) : programs;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2"><ActionNotice state={state} /></div>
      <Field label={t("form.partner")} name="partnerId" error={errors.partnerId} hint={t("form.partnerHint")}>
        {(a11y) => (
          <Select {...a11y} name="partnerId" required value={partnerId} onChange={(e) => { setPartnerId(e.target.value); setProgramId(""); }}>
            <option value="">{t("form.choose")}</option>
            {partners.map((p) => <option key={p.id} value={p.id}>{`${p.name} (${t(`common:markets.${p.market}`)})`}</option>)}
          </Select>
        )}
      </Field>
      <LinkTargetFields state={state} programs={allowed} opportunities={opportunities} markets={markets} programId={programId} onProgram={setProgramId} />
      <Field label={t("form.destination")} name="destinationUrl" error={errors.destinationUrl} hint={t("form.destinationHint")}>
        {(a11y) => <TextInput {...a11y} name="destinationUrl" type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={state.values?.destinationUrl ?? ""} />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{t("actions.create")}</Button>
      </div>
    </form>
  );
}
