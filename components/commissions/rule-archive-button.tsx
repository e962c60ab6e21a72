"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { setRuleArchivedAction } from "@/lib/commissions/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

export function RuleArchiveButton({ locale, tenant, id, archived }: { locale: string; tenant: string; id: string; archived: boolean }) {
  const { t } = useTranslation("commissions");
  const [state, action, pending] = useActionState<FormState, FormData>(setRuleArchivedAction.bind(null, { locale, tenant, id, archived: !archived }), {});
  return (
    <form action={action} className="space-y-1">
      {state.ok ? null : <ActionNotice state={state} />}
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>{archived ? t("rules.restore") : t("rules.archive")}</Button>
    </form>
  );
}
