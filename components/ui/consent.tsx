"use client";
import type { ReactNode } from "react";
import { ErrorText } from "@/components/ui/field";
import type { Message } from "@/lib/kernel/form";

/**
 * Honeypot: hidden from people and assistive technology; bots that fill it are ignored. The server
 * checks the field by `name` (each public form has its own), so keep it in step with the action.
 */
export function Honeypot({ name, label }: { name: string; label: ReactNode }) {
  return (
    <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label>
        {label}
        <input type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/** The separate consent a public form records: a `consent=yes` checkbox the server requires. */
export function ConsentCheckbox({ label, checked, error }: { label: ReactNode; checked: boolean; error?: Message }) {
  return (
    <div>
      <label className="flex cursor-pointer items-start gap-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
        <input
          type="checkbox"
          name="consent"
          value="yes"
          defaultChecked={checked}
          aria-invalid={!!error}
          aria-describedby={error ? "consent-error" : undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-slate-300 text-indigo-600"
        />
        <span>{label}</span>
      </label>
      <ErrorText id="consent-error" error={error} />
    </div>
  );
}
