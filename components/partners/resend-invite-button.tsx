"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { resendPartnerInviteAction } from "@/lib/partners/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";

export function ResendInviteButton({ locale, tenant, id }: { locale: string; tenant: string; id: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(resendPartnerInviteAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>{t("invitation.resend")}</Button>
    </form>
  );
}
