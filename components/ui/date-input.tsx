import type { ComponentProps } from "react";
import { dayInputPlaceholder, formatDayInput } from "@/lib/kernel/day-input";

type Props = Omit<ComponentProps<"input">, "type" | "defaultValue" | "value" | "max" | "min"> & {
  /** The page's language: «ДД.ММ.ГГГГ» on Russian pages, MM/DD/YYYY on English ones. */
  locale: string;
  name: string;
  /** An ISO day ("2026-12-06") is shown in the page's format; anything else (what was typed) as is. */
  defaultValue?: string | null;
};

/**
 * A calendar date in the page language's format, instead of `<input type="date">`, which shows
 * the browser's own format (mm/dd/yyyy on a Russian page with an English browser). It posts what
 * was typed; the server reads it with lib/kernel/day-input.ts (also ISO), with or without JavaScript.
 */
// The look of field.tsx's TextInput, kept here so server-rendered filter forms need no client module.
const control =
  "block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-400";

export function DateInput({ locale, name, defaultValue, className, ...rest }: Props) {
  return (
    <input
      {...rest}
      type="text"
      name={name}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      placeholder={dayInputPlaceholder(locale)}
      defaultValue={defaultValue ? formatDayInput(locale, defaultValue) : ""}
      className={`${control} tabular-nums ${className ?? "w-full"}`}
      data-date-input=""
    />
  );
}
