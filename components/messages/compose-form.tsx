"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { sendMessageAction } from "@/lib/messages/actions";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/messages/schemas";
import { MessageText } from "./message-text";

type Partner = { id: string; name: string; preferredLocale: string };
type Program = { id: string; name: string; en: number; ru: number };
const LANGS = [["en", "En"], ["ru", "Ru"]] as const;

/**
 * Staff: a new message. The audience (one partner or a program), then the English and the Russian
 * version side by side, each with a preview as partners will read it and how many partners read it.
 */
export function ComposeMessageForm({ locale, tenant, partners, programs, initial }: {
  locale: string; tenant: string; partners: Partner[]; programs: Program[]; initial: { audience?: string; partnerId?: string; programId?: string };
}) {
  const { t } = useTranslation("messages");
  const [state, action, pending] = useActionState<FormState, FormData>(sendMessageAction.bind(null, { locale, tenant }), {});
  const values: Record<string, string> = { audience: initial.audience ?? "program", partnerId: initial.partnerId ?? "", programId: initial.programId ?? "", ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const [audience, setAudience] = useState(values.audience);
  const [partnerId, setPartnerId] = useState(values.partnerId);
  const [programId, setProgramId] = useState(values.programId);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(["subjectEn", "bodyEn", "subjectRu", "bodyRu"].map((k) => [k, values[k] ?? ""])));
  const set = (name: string) => (e: { target: { value: string } }) => setTexts((prev) => ({ ...prev, [name]: e.target.value }));

  // How many of the chosen audience read each language (a partner's language is en unless ru).
  const readers = (lang: "en" | "ru"): number | null => {
    if (audience === "partner") {
      const p = partners.find((x) => x.id === partnerId);
      return p ? Number((p.preferredLocale === "ru") === (lang === "ru")) : null;
    }
    const p = programs.find((x) => x.id === programId);
    return p ? p[lang] : null;
  };

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-5">
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("compose.audience")}</legend>
        {(["program", "partner"] as const).map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name="audience" value={value} checked={audience === value} onChange={() => setAudience(value)} className="mt-0.5" />
            <span>{t(value === "partner" ? "compose.audiencePartner" : "compose.audienceProgram")}</span>
          </label>
        ))}
      </fieldset>
      {audience === "partner" ? (
        <Field label={t("compose.partner")} name="partnerId" error={errors.partnerId}>
          {(a) => (
            <Select {...a} name="partnerId" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
              <option value="">{t("compose.choose")}</option>
              {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </Select>
          )}
        </Field>
      ) : (
        <Field label={t("compose.program")} name="programId" error={errors.programId}>
          {(a) => (
            <Select {...a} name="programId" value={programId} onChange={(e) => setProgramId(e.target.value)}>
              <option value="">{t("compose.choose")}</option>
              {programs.map((p) => <option key={p.id} value={p.id}>{t("compose.programOption", { name: p.name, count: p.en + p.ru })}</option>)}
            </Select>
          )}
        </Field>
      )}
      <p className="text-sm text-slate-600">{t("compose.lead")}</p>
      <div className="grid gap-5 lg:grid-cols-2">
        {LANGS.map(([lang, suffix]) => {
          const subject = texts[`subject${suffix}`];
          const body = texts[`body${suffix}`];
          const count = readers(lang);
          return (
            <section key={lang} lang={lang} aria-labelledby={`compose-${lang}`} className="min-w-0 space-y-3 rounded-lg p-3 ring-1 ring-slate-200">
              <h2 id={`compose-${lang}`} className="text-sm font-semibold text-slate-900">{t(`languages.${lang}`)}</h2>
              <Field label={t("compose.subject")} name={`subject${suffix}`} error={errors[`subject${suffix}`]}>
                {(a) => <TextInput {...a} name={`subject${suffix}`} maxLength={SUBJECT_MAX} value={subject} onChange={set(`subject${suffix}`)} autoComplete="off" />}
              </Field>
              <Field label={t("compose.body")} name={`body${suffix}`} error={errors[`body${suffix}`]} hint={t("compose.plainText")}>
                {(a) => <TextArea {...a} name={`body${suffix}`} rows={8} maxLength={BODY_MAX} value={body} onChange={set(`body${suffix}`)} />}
              </Field>
              {count !== null ? <p className="text-xs text-slate-600">{t("compose.readers", { count })}</p> : null}
              <div className="rounded-md bg-slate-50 p-3" data-testid={`preview-${lang}`}>
                <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("compose.preview", { language: t(`languages.${lang}`) })}</p>
                {subject.trim() || body.trim() ? (
                  <>
                    <p className="break-words font-semibold text-slate-900">{subject}</p>
                    <MessageText text={body} className="mt-1" />
                  </>
                ) : <p className="text-sm text-slate-600">{t("compose.previewEmpty")}</p>}
              </div>
            </section>
          );
        })}
      </div>
      <Button type="submit" disabled={pending}>{t("compose.send")}</Button>
    </form>
  );
}
