"use client";
import { useTranslation } from "react-i18next";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { FormState } from "@/lib/kernel/form";

export type OpportunityOption = { id: string; programId: string; title: string; pair: string };

/** Program → optional opportunity → target market → label: the part of the form staff and partners share. */
export function LinkTargetFields({ state, programs, opportunities, markets, programId, onProgram }: {
  state: FormState; programs: { id: string; name: string }[]; opportunities: OpportunityOption[]; markets: string[];
  programId: string; onProgram: (id: string) => void;
}) {
  const { t } = useTranslation("links");
  const errors = state.fieldErrors ?? {};
  const forProgram = opportunities.filter((o) => o.programId === programId);
  return (
    <>
      <Field label={t("form.program")} name="programId" error={errors.programId}>
        {(a11y) => (
          <Select {...a11y} name="programId" required value={programId} onChange={(e) => onProgram(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.opportunity")} name="opportunityId" error={errors.opportunityId}>
        {(a11y) => (
          <Select {...a11y} name="opportunityId" defaultValue={state.values?.opportunityId ?? ""} key={programId}>
            <option value="">{t("form.opportunityNone")}</option>
            {forProgram.map((o) => <option key={o.id} value={o.id}>{`${o.title} (${o.pair})`}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.targetMarket")} name="targetMarket" error={errors.targetMarket} hint={t("form.targetMarketHint")}>
        {(a11y) => (
          <Select {...a11y} name="targetMarket" defaultValue={state.values?.targetMarket ?? ""}>
            <option value="">{t("form.targetMarketDefault")}</option>
            {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.label")} name="label" error={errors.label} hint={t("form.labelHint")}>
        {(a11y) => <TextInput {...a11y} name="label" maxLength={120} defaultValue={state.values?.label ?? ""} />}
      </Field>
    </>
  );
}
