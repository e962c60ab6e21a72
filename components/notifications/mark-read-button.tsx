"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/kernel/form";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

/** `label` names the item for screen readers ("Mark as read: New referral: Acme"). */
export function MarkReadButton({ locale, tenant, id, label }: { locale: string; tenant: string; id: string; label: string }) {
  const { t } = useTranslation(["notifications", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(markNotificationReadAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action}>
      {state.ok ? null : <FormMessage message={state.message} />}
      <Button type="submit" variant="secondary" disabled={pending} className="whitespace-nowrap" aria-label={label}>
        {t("markRead")}
      </Button>
    </form>
  );
}

export function MarkAllReadButton({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["notifications", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(markAllNotificationsReadAction.bind(null, { locale, tenant }), {});
  return (
    <form action={action}>
      {state.ok ? null : <FormMessage message={state.message} />}
      <Button type="submit" variant="secondary" disabled={pending}>{t("markAllRead")}</Button>
    </form>
  );
}
