"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import type { JobState } from "@/lib/commissions/action-states";
import { approveDueAction, runJobAction } from "@/lib/commissions/actions";
import { isLocale } from "@/lib/i18n/settings";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";
import { JobReasons } from "./job-reasons";

/** "Run the commission job now" and "approve everything due" — what the scheduled job does, on demand. */
export function JobButtons({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation("commissions");
  const [runState, run, running] = useActionState<JobState, FormData>(runJobAction.bind(null, { locale, tenant }), {});
  const [dueState, approve, approving] = useActionState<FormState, FormData>(approveDueAction.bind(null, { locale, tenant }), {});
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={run}><Button type="submit" disabled={running}>{t("actions.runJob")}</Button></form>
        <form action={approve}><Button type="submit" variant="secondary" disabled={approving}>{t("actions.approveDue")}</Button></form>
      </div>
      <ActionNotice state={runState} />
      <JobReasons reasons={runState.reasons} locale={isLocale(locale) ? locale : "en"} />
      <ActionNotice state={dueState} />
    </div>
  );
}
