"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { disableOwnLinkAction, setLinkDisabledAction } from "@/lib/links/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

type Props = { locale: string; tenant: string; id: string; disabled: boolean; as: "staff" | "partner" };

/** Staff disable or re-enable a link; a partner can only disable their own. */
export function LinkStatusButton({ as, disabled, ...target }: Props) {
  const { t } = useTranslation("links");
  const act = as === "staff" ? setLinkDisabledAction.bind(null, { ...target, disabled: !disabled }) : disableOwnLinkAction.bind(null, target);
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  if (as === "partner" && disabled) return null;
  return (
    <form action={action} className="space-y-1">
      {state.ok ? null : <ActionNotice state={state} />}
      <Button type="submit" variant={disabled ? "secondary" : "danger"} disabled={pending} className={as === "partner" ? "min-h-11 w-full" : ""}>
        {disabled ? t("actions.enable") : t("actions.disable")}
      </Button>
    </form>
  );
}
