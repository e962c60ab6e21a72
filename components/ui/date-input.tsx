import type { ComponentProps } from "react";
import { TextInput } from "@/components/ui/field";
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
export function DateInput({ locale, name, defaultValue, className, ...rest }: Props) {
  return (
    <TextInput
      {...rest}
      type="text"
      name={name}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      placeholder={dayInputPlaceholder(locale)}
      defaultValue={defaultValue ? formatDayInput(locale, defaultValue) : ""}
      className={`tabular-nums ${className ?? ""}`}
      data-date-input=""
    />
  );
}
