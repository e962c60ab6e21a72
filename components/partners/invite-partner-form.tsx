"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { markets } from "@/lib/directory/platforms";
import { locales } from "@/lib/i18n/settings";
import { invitePartnerAction } from "@/lib/partners/actions";
import { trustTiers } from "@/lib/partners/trust-tiers";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

type Program = { id: string; name: string; access: string; markets: string[] };

export function InvitePartnerForm({ locale, tenant, programs, cancelHref }: { locale: string; tenant: string; programs: Program[]; cancelHref: string }) {
  const { t } = useTranslation(["partners", "common"]);
  const [state, action, pending] = useActionState<FormState, FormData>(invitePartnerAction.bind(null, { locale, tenant }), {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const chosen = new Set((v["programIds[]"] ?? "").split(",").filter(Boolean));
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-5">
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} name="name" error={e.name}>
          {(a) => <TextInput {...a} name="name" autoComplete="off" defaultValue={v.name ?? ""} />}
        </Field>
        <Field label={t("fields.email")} name="email" error={e.email} hint={t("invite.reinviteHint")}>
          {(a) => <TextInput {...a} name="email" type="email" autoComplete="off" defaultValue={v.email ?? ""} />}
        </Field>
        <Field label={t("fields.market")} name="market" error={e.market}>
          {(a) => (
            <Select {...a} name="market" defaultValue={v.market ?? ""}>
              <option value="" disabled>{t("invite.chooseMarket")}</option>
              {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("fields.country")} name="country" error={e.country} hint={t("hints.country")}>
          {(a) => <TextInput {...a} name="country" maxLength={2} autoComplete="off" defaultValue={v.country ?? ""} className="uppercase" />}
        </Field>
        <Field label={t("fields.language")} name="language" error={e.language} hint={t("hints.language")}>
          {(a) => (
            <Select {...a} name="language" defaultValue={v.language ?? locale}>
              {locales.map((l) => <option key={l} value={l}>{l === "ru" ? "Русский" : "English"}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("fields.tier")} name="tier" error={e.tier}>
          {(a) => (
            <Select {...a} name="tier" defaultValue={v.tier ?? ""}>
              <option value="">{t("invite.defaultTier")}</option>
              {trustTiers.filter((tier) => tier !== "new").map((tier) => <option key={tier} value={tier}>{t(`tiers.${tier}`)}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-800">{t("fields.programs")}</legend>
        {programs.length === 0 ? (
          <p className="text-sm text-slate-600">{t("invite.noPrograms")}</p>
        ) : (
          <>
            <p className="mb-2 text-xs text-slate-500">{t("invite.programsHint")}</p>
            <div className="grid gap-2 sm:grid-cols-2">
              {programs.map((p) => (
                <label key={p.id} className="flex items-start gap-2 rounded-lg p-3 text-sm ring-1 ring-slate-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
                  <input type="checkbox" name="programIds[]" value={p.id} defaultChecked={chosen.has(p.id)} className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600" />
                  <span>
                    <span className="block font-medium text-slate-900">{p.name}</span>
                    <span className="text-xs text-slate-600">{t(`programs.accessShort.${p.access}`)} · {p.markets.join(", ")}</span>
                  </span>
                </label>
              ))}
            </div>
          </>
        )}
        {e.programIds ? <p className="mt-1 text-xs text-red-700">{t(`errors:${e.programIds.key}`, e.programIds.values)}</p> : null}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("invite.sending") : t("invite.submit")}</Button>
        <ButtonLink href={cancelHref} variant="secondary">{t("invite.cancel")}</ButtonLink>
      </div>
    </form>
  );
}
