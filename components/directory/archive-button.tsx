"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { archiveAction } from "@/lib/directory/actions";
import type { FormState } from "@/lib/kernel/form";

export function ArchiveButton(props: { locale: string; tenant: string; id: string; kind: "brand" | "creator"; archived: boolean }) {
  const { t } = useTranslation("directory");
  const target = { ...props, archived: !props.archived };
  const [state, action, pending] = useActionState<FormState, FormData>(archiveAction.bind(null, target), {});
  return (
    <form action={action} className="space-y-2">
      <FormMessage message={state.message} />
      <Button type="submit" variant={props.archived ? "secondary" : "danger"} disabled={pending}>
        {props.archived ? t("actions.restore") : t("actions.archive")}
      </Button>
    </form>
  );
}
