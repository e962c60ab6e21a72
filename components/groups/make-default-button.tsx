"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { makeDefaultGroupAction } from "@/lib/groups/actions";
import type { FormState } from "@/lib/kernel/form";

export function MakeDefaultButton({ locale, tenant, id }: { locale: string; tenant: string; id: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(makeDefaultGroupAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} className="space-y-1">
      <FormMessage state={state} />
      <Button type="submit" variant="ghost" disabled={pending} className="text-xs">{t("groups.makeDefault")}</Button>
    </form>
  );
}
