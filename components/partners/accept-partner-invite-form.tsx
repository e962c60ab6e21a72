"use client";
import { useActionState, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { acceptPartnerInviteAction, type AcceptInviteState } from "@/lib/partners/public-actions";

/**
 * After accepting, the browser itself opens the Auth.js callback link (a full navigation), so the
 * session cookie it sets lands in the browser. The link is also shown in case navigation is blocked.
 */
export function AcceptPartnerInviteForm({ locale, token }: { locale: string; token: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<AcceptInviteState, FormData>(acceptPartnerInviteAction.bind(null, { locale, token }), {});
  useEffect(() => {
    if (state.signInPath) window.location.assign(state.signInPath);
  }, [state.signInPath]);
  if (state.signInPath) {
    return (
      <div className="space-y-3">
        <Notice tone="success">{t("accept.redirecting")}</Notice>
        <a href={state.signInPath} className="text-sm font-semibold text-indigo-600 hover:underline">{t("accept.continue")} →</a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.message} />
      <Button type="submit" disabled={pending} className="w-full">{pending ? t("accept.pending") : t("accept.submit")}</Button>
    </form>
  );
}
