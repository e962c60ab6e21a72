"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { createRunAction } from "@/lib/payouts/actions";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";

/** Creates the run previewed above (same cutoff); on success the action redirects to the new run. */
export function CreateRunForm({ locale, tenant, cutoff }: { locale: string; tenant: string; cutoff: string }) {
  const { t } = useTranslation("payouts");
  const [state, action, pending] = useActionState<FormState, FormData>(createRunAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="cutoff" value={cutoff} />
      <Button type="submit" disabled={pending}>{pending ? t("plan.creating") : t("plan.create")}</Button>
      <ActionNotice state={state} />
    </form>
  );
}
