"use client";
import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

type Props = {
  action: (prev: FormState) => Promise<FormState>;
  label: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asked with window.confirm before submitting (money moves or work is thrown away). */
  confirm?: string;
};

/** One button that runs a bound server action and shows its result. */
export function ActionButton({ action, label, pendingLabel, variant = "primary", confirm }: Props) {
  const [state, run, pending] = useActionState<FormState, FormData>((prev) => action(prev), {});
  return (
    <form
      action={run}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <Button type="submit" variant={variant} disabled={pending}>{pending ? (pendingLabel ?? label) : label}</Button>
      <ActionNotice state={state} />
    </form>
  );
}
