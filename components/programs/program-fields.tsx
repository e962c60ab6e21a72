"use client";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText, Select, TextInput } from "@/components/ui/field";
import { markets } from "@/lib/directory/platforms";
import type { FieldErrors } from "@/lib/kernel/form";

export type Values = Record<string, string | undefined>;

// Several program forms share one page, so every control id carries the form's prefix.
function Labelled({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: FieldErrors[string]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">{label}</label>
      {children}
      {hint && !error ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

function a11y(id: string, error: unknown, hint?: boolean) {
  return { id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined };
}

/** Who may join, markets, and the attribution and protection windows. */
export function ProgramSettingsFields({ prefix, values, errors }: { prefix: string; values: Values; errors: FieldErrors }) {
  const { t } = useTranslation(["partners", "common"]);
  const selected = new Set((values["markets[]"] ?? values.markets ?? "").split(",").filter(Boolean));
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <Labelled id={id("access")} label={t("programs.fields.access")} error={errors.access}>
        <Select {...a11y(id("access"), errors.access)} name="access" defaultValue={values.access ?? "invite_only"}>
          <option value="invite_only">{t("programs.access.invite_only")}</option>
          <option value="open">{t("programs.access.open")}</option>
        </Select>
      </Labelled>
      <fieldset aria-describedby={errors.markets ? id("markets-error") : undefined}>
        <legend className="mb-1 block text-sm font-medium text-slate-800">{t("programs.fields.markets")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {markets.map((m) => (
            <label key={m} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="markets[]" value={m} defaultChecked={selected.has(m)} className="size-4 rounded border-slate-300 text-indigo-600" />
              {t(`common:markets.${m}`)}
            </label>
          ))}
        </div>
        <ErrorText id={id("markets-error")} error={errors.markets} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled id={id("attribution")} label={t("programs.fields.attributionWindowDays")} hint={t("programs.hints.attributionWindowDays")} error={errors.attributionWindowDays}>
          <TextInput {...a11y(id("attribution"), errors.attributionWindowDays, true)} name="attributionWindowDays" type="number" min={1} max={365} inputMode="numeric" defaultValue={values.attributionWindowDays ?? "30"} />
        </Labelled>
        <Labelled id={id("protection")} label={t("programs.fields.protectionWindowDays")} hint={t("programs.hints.protectionWindowDays")} error={errors.protectionWindowDays}>
          <TextInput {...a11y(id("protection"), errors.protectionWindowDays, true)} name="protectionWindowDays" type="number" min={1} max={730} inputMode="numeric" defaultValue={values.protectionWindowDays ?? "90"} />
        </Labelled>
      </div>
    </>
  );
}

export { Labelled, a11y };
