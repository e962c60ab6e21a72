"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import type { ScreenAllState } from "@/lib/compliance/action-states";
import { screenAllAction } from "@/lib/compliance/actions";

export function ScreenAllButton({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["compliance", "errors"]);
  const [state, action, pending] = useActionState<ScreenAllState, FormData>(screenAllAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.ok ? undefined : state.message} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? t("sanctions.screening") : t("sanctions.screenAll")}</Button>
      {state.ok && state.screened ? <Notice tone="success">{t("sanctions.screenedSummary", { ...state.screened, count: state.screened.screened })}</Notice> : null}
    </form>
  );
}
