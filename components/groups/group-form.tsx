"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { createGroupAction, updateGroupAction } from "@/lib/groups/actions";
import type { FormState } from "@/lib/kernel/form";

const QUESTIONS = 3;

type Props = {
  locale: string; tenant: string;
  /** Creating: the program; editing: the group id and its values as form strings. */
  programId?: string; id?: string; initial?: Record<string, string>;
};

/** A partner group's name, holding period, landing text and application form, in English and Russian. */
export function GroupForm({ locale, tenant, programId, id, initial = {} }: Props) {
  const { t } = useTranslation("partners");
  const bound = id ? updateGroupAction.bind(null, { locale, tenant, id }) : createGroupAction.bind(null, { locale, tenant, programId: programId ?? "" });
  const [state, action, pending] = useActionState<FormState, FormData>(bound, {});
  const v = state.ok && !id ? {} : { ...initial, ...(state.values ?? {}) };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4" key={state.ok && !id ? "reset" : "form"}>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("groups.fields.name")} name="name" error={e.name}>
          {(a) => <TextInput {...a} name="name" maxLength={80} defaultValue={v.name ?? ""} />}
        </Field>
        <Field label={t("groups.fields.hold")} name="holdDays" error={e.holdDays} hint={t("groups.fields.holdHint")}>
          {(a) => <TextInput {...a} name="holdDays" inputMode="numeric" maxLength={3} defaultValue={v.holdDays ?? ""} />}
        </Field>
        <Field label={t("groups.fields.landingEn")} name="landingTextEn" error={e.landingTextEn}>
          {(a) => <TextArea {...a} name="landingTextEn" lang="en" rows={3} maxLength={2000} defaultValue={v.landingTextEn ?? ""} />}
        </Field>
        <Field label={t("groups.fields.landingRu")} name="landingTextRu" error={e.landingTextRu}>
          {(a) => <TextArea {...a} name="landingTextRu" lang="ru" rows={3} maxLength={2000} defaultValue={v.landingTextRu ?? ""} />}
        </Field>
        <Field label={t("groups.fields.introEn")} name="applicationIntroEn" error={e.applicationIntroEn} hint={t("groups.fields.introHint")}>
          {(a) => <TextArea {...a} name="applicationIntroEn" lang="en" rows={2} maxLength={1000} defaultValue={v.applicationIntroEn ?? ""} />}
        </Field>
        <Field label={t("groups.fields.introRu")} name="applicationIntroRu" error={e.applicationIntroRu} hint={t("groups.fields.introHint")}>
          {(a) => <TextArea {...a} name="applicationIntroRu" lang="ru" rows={2} maxLength={1000} defaultValue={v.applicationIntroRu ?? ""} />}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("groups.fields.questions")}</legend>
        <p className="text-xs text-slate-500">{t("groups.fields.questionsHint")}</p>
        {Array.from({ length: QUESTIONS }, (_, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-2">
            <Field label={t("groups.fields.questionEn", { n: i + 1 })} name={`questions.${i}.en`} error={e[`questions.${i}.en`]}>
              {(a) => <TextInput {...a} name={`questions.${i}.en`} lang="en" maxLength={300} defaultValue={v[`questions.${i}.en`] ?? ""} />}
            </Field>
            <Field label={t("groups.fields.questionRu", { n: i + 1 })} name={`questions.${i}.ru`} error={e[`questions.${i}.ru`]}>
              {(a) => <TextInput {...a} name={`questions.${i}.ru`} lang="ru" maxLength={300} defaultValue={v[`questions.${i}.ru`] ?? ""} />}
            </Field>
          </div>
        ))}
      </fieldset>
      <Button type="submit" variant={id ? "secondary" : "primary"} disabled={pending}>{pending ? t("groups.saving") : id ? t("groups.save") : t("groups.create")}</Button>
    </form>
  );
}
