"use client";
import { CurrencyInput } from "@/components/ui/country-input";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { saveRuleAction } from "@/lib/commissions/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

const BASES = ["revenue_share", "lead_bounty", "close_bounty", "deal_share"] as const;
const TIER_ROWS = 3;
const MAX_TIERS = 5;

type Props = {
  locale: string; tenant: string;
  /** Set when editing: the rule id and its current values as form strings. */
  id?: string; initial?: Record<string, string>; cancelHref?: string;
  programs: { id: string; name: string }[]; markets: readonly string[];
  /** Partner groups of the programs: a rule may be limited to one. */
  groups: { id: string; name: string; programId: string }[];
  /** A new rule's currency: the agency's reporting currency. */
  defaultCurrency: string;
};

/** Create or edit a commission rule: basis decides whether percent/duration or a bounty is asked for. */
export function RuleForm({ locale, tenant, id, initial = {}, cancelHref, programs, markets, groups, defaultCurrency }: Props) {
  const { t } = useTranslation("commissions");
  const [state, action, pending] = useActionState<FormState, FormData>(saveRuleAction.bind(null, { locale, tenant, id }), {});
  const v = state.ok && !id ? {} : { ...initial, ...(state.values ?? {}) };
  const [basis, setBasis] = useState(v.basis ?? "revenue_share");
  const [programId, setProgramId] = useState(v.programId ?? "");
  const programGroups = groups.filter((g) => g.programId === programId);
  const share = basis === "revenue_share" || basis === "deal_share";
  const errors = state.fieldErrors ?? {};
  const tierCount = Math.min(MAX_TIERS, Math.max(TIER_ROWS, ...Object.keys(v).filter((k) => k.startsWith("tiers.")).map((k) => Number(k.split(".")[1]) + 1)));
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid gap-4 sm:grid-cols-2" key={state.ok && !id ? "reset" : "form"}>
      <div className="sm:col-span-2"><ActionNotice state={state} /></div>
      <Field label={t("form.name")} name="name" error={errors.name}>
        {(a11y) => <TextInput {...a11y} name="name" required maxLength={120} defaultValue={v.name ?? ""} />}
      </Field>
      <Field label={t("form.program")} name="programId" error={errors.programId}>
        {(a11y) => (
          <Select {...a11y} name="programId" required value={programId} onChange={(e) => setProgramId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.group")} name="groupId" error={errors.groupId} hint={t("form.groupHint")}>
        {(a11y) => (
          <Select {...a11y} name="groupId" key={programId} defaultValue={programGroups.some((g) => g.id === v.groupId) ? v.groupId : ""}>
            <option value="">{t("form.allGroups")}</option>
            {programGroups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.market")} name="market" error={errors.market} hint={t("form.marketHint")}>
        {(a11y) => (
          <Select {...a11y} name="market" defaultValue={v.market ?? ""}>
            <option value="">{t("form.allMarkets")}</option>
            {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.basis")} name="basis" error={errors.basis}>
        {(a11y) => (
          <Select {...a11y} name="basis" value={basis} onChange={(e) => setBasis(e.target.value)}>
            {BASES.map((b) => <option key={b} value={b}>{t(`basis.${b}`)}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("form.currency")} name="currency" error={errors.currency} hint={t("form.currencyHint")}>
        {(a11y) => <CurrencyInput {...a11y} name="currency" required maxLength={60} defaultValue={v.currency ?? defaultCurrency} />}
      </Field>
      {share ? (
        <>
          <Field label={basis === "deal_share" ? t("form.dealPercent") : t("form.percent")} name="percent" error={errors.percent}
            hint={basis === "deal_share" ? t("form.dealPercentHint") : t("form.percentHint")}>
            {(a11y) => <TextInput {...a11y} name="percent" inputMode="decimal" defaultValue={v.percent ?? ""} />}
          </Field>
          {basis === "revenue_share" ? (
            <Field label={t("form.duration")} name="durationMonths" error={errors.durationMonths} hint={t("form.durationHint")}>
              {(a11y) => <TextInput {...a11y} name="durationMonths" inputMode="numeric" defaultValue={v.durationMonths ?? ""} />}
            </Field>
          ) : null}
        </>
      ) : (
        <Field label={t("form.bounty")} name="bounty" error={errors.bounty} hint={t("form.bountyHint")}>
          {(a11y) => <TextInput {...a11y} name="bounty" defaultValue={v.bounty ?? ""} />}
        </Field>
      )}
      <Field label={t("form.cap")} name="cap" error={errors.cap} hint={t("form.capHint")}>
        {(a11y) => <TextInput {...a11y} name="cap" defaultValue={v.cap ?? ""} />}
      </Field>
      <Field label={t("form.hold")} name="holdDays" error={errors.holdDays} hint={t("form.holdHint")}>
        {(a11y) => <TextInput {...a11y} name="holdDays" inputMode="numeric" defaultValue={v.holdDays ?? "30"} />}
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("form.tiers")}</legend>
        <p className="mb-2 text-xs text-slate-500">{share ? t("form.tiersHintPercent") : t("form.tiersHintBounty")}</p>
        {errors.tiers ? <p className="mb-2 text-xs text-red-700">{t(`errors:${errors.tiers.key}`)}</p> : null}
        <div className="space-y-2">
          {Array.from({ length: tierCount }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-3">
              <Field label={t("form.tierCount")} name={`tiers.${i}.minCount`} error={errors[`tiers.${i}.minCount`]}>
                {(a11y) => <TextInput {...a11y} name={`tiers.${i}.minCount`} inputMode="numeric" defaultValue={v[`tiers.${i}.minCount`] ?? ""} />}
              </Field>
              <Field label={share ? t("form.tierPercent") : t("form.tierBounty")} name={`tiers.${i}.value`} error={errors[`tiers.${i}.value`]}>
                {(a11y) => <TextInput {...a11y} name={`tiers.${i}.value`} defaultValue={v[`tiers.${i}.value`] ?? ""} />}
              </Field>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>{id ? t("form.save") : t("form.create")}</Button>
        {cancelHref ? <ButtonLink href={cancelHref} variant="secondary">{t("form.cancel")}</ButtonLink> : null}
      </div>
    </form>
  );
}
