"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { OpportunityStatus } from "@/lib/kernel/enums";
import { changeOpportunityStatusAction } from "@/lib/opportunities/actions";
import type { FormState } from "@/lib/kernel/form";

/** Staff: the next statuses an opportunity can take, one button each, with what each means. */
export function OpportunityStatusForm({ locale, tenant, id, from, options }: { locale: string; tenant: string; id: string; from: OpportunityStatus; options: readonly OpportunityStatus[] }) {
  const { t } = useTranslation("opportunities");
  const [state, action, pending] = useActionState<FormState, FormData>(changeOpportunityStatusAction.bind(null, { locale, tenant, id }), {});
  const label = (to: OpportunityStatus) => (to === "open" ? (from === "draft" ? "publish" : "reopen") : to);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
      <FormMessage message={state.message} />
      {options.map((to) => (
        <div key={to}>
          <Button type="submit" name="to" value={to} variant={to === "open" ? "primary" : "secondary"} disabled={pending} className="min-h-11 w-full">
            {t(`statusChange.${label(to)}`)}
          </Button>
          <p className="mt-1 text-xs text-slate-500">{t(`statusChange.${label(to)}Hint`)}</p>
        </div>
      ))}
    </form>
  );
}
