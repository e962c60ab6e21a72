"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { ActionNotice } from "@/components/ui/form-message";
import { createPromoCodeAction, deactivatePromoCodeAction } from "@/lib/promo-codes/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";

type Target = { locale: string; tenant: string; id: string };
export type PromoCodeItem = { id: string; code: string; programName: string; active: boolean; since: string; until: string | null; uses: number };

/** The partner's promo codes, a way to deactivate each, and a form to add one (typed or generated). */
export function PartnerPromoCodes({ target, codes, programs, editable }: { target: Target; codes: PromoCodeItem[]; programs: { id: string; name: string }[]; editable: boolean }) {
  const { t } = useTranslation("partners");
  return (
    <div className="space-y-4">
      {codes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("promoCodes.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="promo-codes">
          {codes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <code className="break-all font-mono text-sm font-semibold text-slate-900">{c.code}</code>
                  {c.active ? <Badge tone="green">{t("promoCodes.active")}</Badge> : <Badge>{t("promoCodes.inactive")}</Badge>}
                </p>
                <p className="text-xs text-slate-500">
                  {c.programName} · {c.until ? t("promoCodes.period", { since: c.since, until: c.until }) : t("promoCodes.since", { date: c.since })} · {t("promoCodes.uses", { count: c.uses })}
                </p>
              </div>
              {editable && c.active ? <DeactivateButton target={target} promoCodeId={c.id} code={c.code} /> : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (programs.length > 0 ? <CreateForm target={target} programs={programs} /> : <p className="text-sm text-slate-600">{t("promoCodes.noPrograms")}</p>) : null}
    </div>
  );
}

function DeactivateButton({ target, promoCodeId, code }: { target: Target; promoCodeId: string; code: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(deactivatePromoCodeAction.bind(null, { ...target, promoCodeId }), {});
  return (
    <form action={action} className="space-y-1">
      {state.ok ? null : <ActionNotice state={state} />}
      <Button type="submit" variant="ghost" disabled={pending} className="text-xs" aria-label={t("promoCodes.deactivateCode", { code })}>{t("promoCodes.deactivate")}</Button>
    </form>
  );
}

function CreateForm({ target, programs }: { target: Target; programs: { id: string; name: string }[] }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(createPromoCodeAction.bind(null, target), {});
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-3 border-t border-slate-100 pt-4">
      <FormStatus state={state} />
      <Field label={t("promoCodes.program")} name="programId" error={state.fieldErrors?.programId}>
        {(a) => (
          <Select {...a} name="programId" defaultValue={v.programId ?? (programs.length === 1 ? programs[0].id : "")}>
            <option value="" disabled>{t("enrolments.choose")}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        )}
      </Field>
      <Field label={t("promoCodes.code")} name="code" error={state.fieldErrors?.code} hint={t("promoCodes.codeHint")}>
        {(a) => <TextInput {...a} name="code" defaultValue={v.code ?? ""} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={32} className="font-mono uppercase" />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>{t("promoCodes.create")}</Button>
    </form>
  );
}
