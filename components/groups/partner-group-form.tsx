"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { movePartnerAction } from "@/lib/groups/actions";
import type { FormState } from "@/lib/kernel/form";

type Props = {
  locale: string; tenant: string; partnerId: string; programId: string; programName: string;
  current: string | null; groups: { id: string; name: string }[];
};

/** Moves the partner to another group of one program (future commissions only). */
export function PartnerGroupForm({ locale, tenant, partnerId, programId, programName, current, groups }: Props) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(movePartnerAction.bind(null, { locale, tenant, id: partnerId }), {});
  const label = t("groups.moveLabel", { program: programName });
  return (
    <form action={action} noValidate className="space-y-1">
      <input type="hidden" name="programId" value={programId} />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <Select name="groupId" defaultValue={current ?? ""} aria-label={label} className="w-auto min-w-0">
          {current ? null : <option value="" disabled>{t("groups.choose")}</option>}
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending} className="shrink-0 text-xs">{t("groups.move")}</Button>
      </div>
    </form>
  );
}
