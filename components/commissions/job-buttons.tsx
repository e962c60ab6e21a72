"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { approveDueAction, runJobAction } from "@/lib/commissions/actions";
import type { FormState } from "@/lib/validation/form";
import { ActionNotice } from "./action-notice";

/** "Run the commission job now" and "approve everything due" — what the scheduled job does, on demand. */
export function JobButtons({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation("commissions");
  const [runState, run, running] = useActionState<FormState, FormData>(runJobAction.bind(null, { locale, tenant }), {});
  const [dueState, approve, approving] = useActionState<FormState, FormData>(approveDueAction.bind(null, { locale, tenant }), {});
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={run}><Button type="submit" disabled={running}>{t("actions.runJob")}</Button></form>
        <form action={approve}><Button type="submit" variant="secondary" disabled={approving}>{t("actions.approveDue")}</Button></form>
      </div>
      <ActionNotice state={runState} />
      <ActionNotice state={dueState} />
    </div>
  );
}
