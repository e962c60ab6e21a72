"use client";
import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & {
  /** With `onTooLarge`: told on each pick whether the file is over this size, so the form can refuse it before upload. */
  maxBytes?: number;
  onTooLarge?: (tooLarge: boolean) => void;
};

/** A file picker styled like the other controls; goes inside a `Field` (spread its a11y props). */
export function FileInput({ maxBytes, onTooLarge, onChange, ...props }: Props) {
  return (
    <input
      {...props}
      type="file"
      onChange={(e) => {
        if (maxBytes !== undefined && onTooLarge) onTooLarge((e.currentTarget.files?.[0]?.size ?? 0) > maxBytes);
        onChange?.(e);
      }}
      className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
    />
  );
}
