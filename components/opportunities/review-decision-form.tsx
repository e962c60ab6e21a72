"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { reviewOptInAction } from "@/lib/opportunities/review-actions";
import type { ReviewDecision } from "@/lib/opportunities/review-status";
import type { FormState } from "@/lib/kernel/form";

const variants: Record<ReviewDecision, ButtonVariant> = { accept: "primary", shortlist: "secondary", unshortlist: "ghost", decline: "danger" };
const order: ReviewDecision[] = ["accept", "shortlist", "unshortlist", "decline"];

/** Staff: the decisions open for one opt-in, one button each, with an internal note. */
export function ReviewDecisionForm({ locale, tenant, opportunityId, optInId, status, decisions, name, language }: {
  locale: string; tenant: string; opportunityId: string; optInId: string; status?: string;
  decisions: ReviewDecision[]; name: string; language: string;
}) {
  const { t } = useTranslation("opportunities");
  const [state, action, pending] = useActionState<FormState, FormData>(reviewOptInAction.bind(null, { locale, tenant, opportunityId, optInId, status }), {});
  const noteId = `note-${optInId}`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-3">
      <FormMessage message={state.message ?? state.fieldErrors?.decision} />
      <Field label={t("review.decide.note")} name={noteId} error={state.fieldErrors?.note} hint={t("review.decide.noteHint")}>
        {(a) => <TextArea {...a} name="note" rows={2} maxLength={1000} defaultValue={state.values?.note ?? ""} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {order.filter((d) => decisions.includes(d)).map((d) => (
          <Button key={d} type="submit" name="decision" value={d} variant={variants[d]} disabled={pending}>
            {t(`review.decide.${d}`)}
          </Button>
        ))}
      </div>
      <p className="text-xs text-slate-500">
        {decisions.includes("accept") ? `${t("review.decide.acceptHint", { name })} ` : null}
        {decisions.includes("decline") ? t("review.decide.declineHint", { language }) : null}
      </p>
    </form>
  );
}
