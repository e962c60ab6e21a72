"use client";
import { useTranslation } from "react-i18next";
import { Field, Select, TextInput } from "@/components/ui/field";
import { languages, markets } from "@/lib/directory/platforms";
import type { FieldErrors } from "@/lib/kernel/form";

export type Values = Record<string, string | undefined>;

export function MarketField({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation(["directory", "common"]);
  return (
    <Field label={t("fields.market")} name="market" error={errors.market}>
      {(a) => (
        <Select {...a} name="market" defaultValue={values.market ?? ""}>
          <option value="" disabled>{t("fields.chooseMarket")}</option>
          {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
        </Select>
      )}
    </Field>
  );
}

export function TextField({ name, values, errors, type = "text", hint, autoComplete }: { name: string; values: Values; errors: FieldErrors; type?: string; hint?: string; autoComplete?: string }) {
  const { t } = useTranslation("directory");
  return (
    <Field label={t(`fields.${name}`)} name={name} error={errors[name]} hint={hint}>
      {(a) => <TextInput {...a} name={name} type={type} autoComplete={autoComplete ?? "off"} defaultValue={values[name] ?? ""} />}
    </Field>
  );
}

export function LanguagesField({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation(["directory", "common"]);
  const selected = new Set((values["languages[]"] ?? values.languages ?? "").split(",").filter(Boolean));
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium text-slate-800">{t("fields.languages")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {languages.map((l) => (
          <label key={l} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="languages[]" value={l} defaultChecked={selected.has(l)} className="size-4 rounded border-slate-300 text-indigo-600" />
            {t(`common:languages.${l}`)}
          </label>
        ))}
      </div>
      {errors.languages ? <p className="mt-1 text-xs text-red-700">{t(`errors:${errors.languages.key}`)}</p> : null}
    </fieldset>
  );
}
