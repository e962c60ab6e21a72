"use client";
import { useEffect, useId, useMemo, useRef, useState, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { TextInput } from "@/components/ui/field";
import { countryName, countryOptions, resolveCountry } from "@/lib/kernel/countries";
import { currencyName, currencyOptions, resolveCurrency } from "@/lib/kernel/currencies";

type Option = { code: string; name: string };
type PickerProps = Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "value" | "onChange" | "list"> & { name: string; defaultValue?: string };

/**
 * A searchable picker: a text box with a native suggestion list (`<datalist>`) of names in the
 * page's language; under it, the name and ISO code the text resolves to. The box posts what was
 * typed and the form's schema resolves it to the code (lib/kernel/countries.ts, currencies.ts),
 * the same with or without JavaScript, so there is no hidden copy of the code that could disagree
 * with the text (and browser autofill of a country name works).
 */
function NamePicker({ name, defaultValue, options, resolve, label, ...rest }: PickerProps & { options: Option[]; resolve: (text: string) => string | null; label: (code: string) => string }) {
  const listId = useId();
  const initial = defaultValue ? resolve(defaultValue) : null;
  const first = initial ? label(initial) : (defaultValue ?? "");
  const [text, setText] = useState(first);
  const ref = useRef<HTMLInputElement>(null);
  // A create form that empties itself after a success (form.reset()) empties this box too.
  useEffect(() => {
    const form = ref.current?.form;
    const onReset = () => setText(first);
    form?.addEventListener("reset", onReset);
    return () => form?.removeEventListener("reset", onReset);
  }, [first]);
  const code = resolve(text);
  return (
    <>
      <TextInput {...rest} ref={ref} name={name} list={listId} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
      <datalist id={listId}>
        {options.map((o) => <option key={o.code} value={o.name} label={o.code} />)}
      </datalist>
      {code && text.trim() !== label(code) ? <p className="mt-1 text-xs text-slate-600" aria-live="polite">{label(code).includes(code) ? label(code) : `${label(code)} (${code})`}</p> : null}
    </>
  );
}

/** A country by name in the reader's language («США», «Казахстан»); the form receives "US", "KZ". */
export function CountryInput(props: PickerProps) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const options = useMemo(() => countryOptions(lang), [lang]);
  return <NamePicker {...props} options={options} resolve={(t) => resolveCountry(t, lang)} label={(c) => countryName(c, lang)} />;
}

/** A currency by name or code («рубль», "USD"); `codes` limits the suggestions (the form receives the code). */
export function CurrencyInput({ codes, ...props }: PickerProps & { codes?: readonly string[] }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const options = useMemo(() => currencyOptions(lang, codes).map((o) => ({ code: o.code, name: `${o.name} (${o.code})` })), [lang, codes]);
  return <NamePicker {...props} options={options} resolve={(t) => resolveCurrency(t, lang)} label={(c) => `${currencyName(c, lang)} (${c})`} />;
}
