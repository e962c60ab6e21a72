"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { partnerReplyAction, staffReplyAction } from "@/lib/messages/actions";
import { BODY_MAX } from "@/lib/messages/schemas";

/** A reply in a direct message's thread: staff (`side` "staff") or the partner in the portal. */
export function ReplyForm({ locale, tenant, id, side }: { locale: string; tenant: string; id: string; side: "staff" | "partner" }) {
  const { t } = useTranslation("messages");
  const bound = (side === "staff" ? staffReplyAction : partnerReplyAction).bind(null, { locale, tenant, id });
  const [state, action, pending] = useActionState<FormState, FormData>(bound, {});
  const prefix = side === "staff" ? "thread" : "portal";
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate data-reset-on-success="" className="space-y-3">
      <FormMessage state={state} />
      <Field label={t(`${prefix}.reply`)} name="body" error={state.fieldErrors?.body} hint={side === "partner" ? t("portal.replyHint") : undefined}>
        {(a) => <TextArea {...a} name="body" rows={4} maxLength={BODY_MAX} defaultValue={state.ok ? "" : (state.values?.body ?? "")} />}
      </Field>
      <Button type="submit" disabled={pending}>{t(`${prefix}.sendReply`)}</Button>
    </form>
  );
}
