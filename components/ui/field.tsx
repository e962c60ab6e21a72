"use client";
import { useId, type ComponentProps, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "@/lib/kernel/form";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-400";

export function ErrorText({ id, error }: { id: string; error?: Message }) {
  const { t } = useTranslation("errors");
  if (!error) return null;
  return (
    <p id={id} data-field-error="" className="mt-1 text-xs text-red-700">
      {t(error.key, error.values)}
    </p>
  );
}

type FieldProps = { label: ReactNode; name: string; error?: Message; hint?: ReactNode; children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode };

export function Field({ label, name, error, hint, children }: FieldProps) {
  // Unique per rendered field: two forms on one page may share a field name (the portal's account page
  // has «ИНН» in the bank details and in the tax profile), and each label must point at its own field.
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined })}
      {hint && !error ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextInput(props: ComponentProps<"input">) {
  return <input {...props} className={`${control} ${props.className ?? ""}`} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${control} pr-8 ${props.className ?? ""}`} />;
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea rows={3} {...props} className={`${control} ${props.className ?? ""}`} />;
}
