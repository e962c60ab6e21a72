"use client";
import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { closesByHandAction, dismissOnboardingAction } from "@/lib/onboarding/actions";
import type { FormState } from "@/lib/kernel/form";

type Props = { locale: string; tenant: string; label: string; failed: string; variant?: ButtonVariant } & (
  | { choice: "closesByHand"; value: boolean }
  | { choice: "dismiss" }
);

/** One of the checklist's buttons ("we close by hand", "hide"); the page re-renders with the stored answer. */
export function OnboardingChoiceButton(props: Props) {
  const target = { locale: props.locale, tenant: props.tenant };
  const bound = props.choice === "dismiss" ? dismissOnboardingAction.bind(null, target) : closesByHandAction.bind(null, target);
  const [state, action, pending] = useActionState<FormState, FormData>(bound, {});
  return (
    <form action={action} className="inline">
      {props.choice === "closesByHand" ? <input type="hidden" name="closesByHand" value={String(props.value)} /> : null}
      <Button type="submit" variant={props.variant ?? "secondary"} disabled={pending} className="min-h-9">{props.label}</Button>
      {state.ok === false ? <p role="alert" className="mt-1 text-xs text-red-700">{props.failed}</p> : null}
    </form>
  );
}
