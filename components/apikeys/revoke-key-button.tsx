"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import type { FormState } from "@/lib/kernel/form";

export function RevokeKeyButton({ locale, tenant, id, name }: { locale: string; tenant: string; id: string; name: string }) {
  const { t } = useTranslation("apikeys");
  const [state, action, pending] = useActionState<FormState, FormData>(revokeApiKeyAction.bind(null, { locale, tenant, id }), {});
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(t("revoke.confirm", { name }))) e.preventDefault(); }} className="inline-block">
      <FormMessage message={state.message} />
      <Button type="submit" variant="danger" disabled={pending}>{t("revoke.submit")}</Button>
    </form>
  );
}
