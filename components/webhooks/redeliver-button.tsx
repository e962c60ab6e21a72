"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { SendState } from "@/lib/webhooks/action-states";
import { redeliverAction } from "@/lib/webhooks/actions";
import { SendResult } from "./send-result";

export function RedeliverButton({ locale, tenant, id }: { locale: string; tenant: string; id: string }) {
  const { t } = useTranslation("webhooks");
  const [state, action, pending] = useActionState<SendState, FormData>(redeliverAction.bind(null, { locale, tenant, id }), {});
  return (
    <div className="space-y-2">
      <form action={action}><Button type="submit" variant="secondary" disabled={pending}>{t("redeliver.submit")}</Button></form>
      {state.sent ? <SendResult kind="redeliver" sent={state.sent} /> : null}
      {state.ok === false ? <FormMessage state={state} /> : null}
    </div>
  );
}
