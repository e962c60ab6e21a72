"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import type { ReferralKind } from "@/lib/kernel/enums";
import { inviteMatchAction } from "@/lib/opportunities/invite-match-actions";
import type { FormState } from "@/lib/kernel/form";

/** One click: invite this match to opt in (an e-mail in their language with the board link). */
export function MatchingInviteButton({ locale, tenant, opportunityId, kind, candidateId, name }: {
  locale: string; tenant: string; opportunityId: string; kind: ReferralKind; candidateId: string; name: string;
}) {
  const { t } = useTranslation("opportunities");
  const [state, action, pending] = useActionState<FormState, FormData>(inviteMatchAction.bind(null, { locale, tenant, opportunityId, kind, candidateId }), {});
  return (
    <form action={action} className="space-y-2">
      <FormMessage message={state.message} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("matching.inviteLabel", { name })} className="whitespace-nowrap">
        {pending ? t("matching.inviting") : t("matching.invite")}
      </Button>
    </form>
  );
}
