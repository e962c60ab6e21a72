"use client";
import { useId, useMemo, useState, type InputHTMLAttributes } from "react";
import { TextInput } from "@/components/ui/field";
import type { TimeZoneOption } from "@/lib/i18n/format";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "value" | "onChange" | "list"> & {
  name: string;
  defaultValue?: string;
  /** From timeZoneOptions(locale) on the server: "Europe/Moscow" → «Москва (UTC+3)». */
  options: TimeZoneOption[];
};

/**
 * A searchable time zone picker: a text box with a native suggestion list of IANA zones, each
 * with its place and UTC offset in the page's language; under the box, the zone the text names.
 * The box posts what was typed and the server resolves it (lib/kernel/time-zone.ts, also a city
 * such as "Moscow"), the same with or without JavaScript. The options come from the server, so
 * the browser's own zone and clock never change what is rendered.
 */
export function TimeZoneInput({ name, defaultValue, options, ...rest }: Props) {
  const listId = useId();
  const [text, setText] = useState(defaultValue ?? "");
  const byZone = useMemo(() => new Map(options.map((o) => [o.value.toLowerCase(), o])), [options]);
  const match = byZone.get(text.trim().toLowerCase());
  return (
    <>
      <TextInput {...rest} name={name} list={listId} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
      <datalist id={listId}>
        {options.map((o) => <option key={o.value} value={o.value} label={o.label} />)}
      </datalist>
      {match ? <p className="mt-1 text-xs text-slate-600" aria-live="polite" data-time-zone-label="">{match.label}</p> : null}
    </>
  );
}
