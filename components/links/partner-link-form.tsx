"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { createPartnerLinkAction } from "@/lib/links/actions";
import type { FormState } from "@/lib/kernel/form";
import { ActionNotice } from "@/components/ui/form-message";
import { LinkTargetFields, type OpportunityOption } from "./link-form-fields";

/** Portal: a partner's own link for one of their programs (always to the agency board). */
export function PartnerLinkForm({ locale, tenant, programs, opportunities, markets }: {
  locale: string; tenant: string; programs: { id: string; name: string }[]; opportunities: OpportunityOption[]; markets: string[];
}) {
  const { t } = useTranslation("links");
  const [state, action, pending] = useActionState<FormState, FormData>(createPartnerLinkAction.bind(null, { locale, tenant }), {});
  const [programId, setProgramId] = useState(state.values?.programId ?? (programs.length === 1 ? programs[0].id : ""));
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <ActionNotice state={state} />
      <LinkTargetFields state={state} programs={programs} opportunities={opportunities} markets={markets} programId={programId} onProgram={setProgramId} />
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">{t("actions.create")}</Button>
    </form>
  );
}
