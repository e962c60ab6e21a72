"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { saveSignInSettingsAction, signOutEverywhereAction } from "@/lib/auth/actions";
import type { FormState } from "@/lib/kernel/form";

/** The signed-in staff member's own sign-in settings (not the workspace's). */
export function SignInSettings({ locale, magicLinkSignIn }: { locale: string; magicLinkSignIn: boolean }) {
  const { t } = useTranslation(["auth", "errors"]);
  const [state, action, pending] = useActionState<FormState, FormData>(saveSignInSettingsAction.bind(null, { locale }), {});
  return (
    <div className="space-y-5">
      <form action={action} className="space-y-3">
        {state.ok && state.message ? <Notice tone="success">{t(`errors:${state.message.key}`)}</Notice> : <FormMessage message={state.message} />}
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="magicLinkSignIn" defaultChecked={magicLinkSignIn} className="mt-0.5" />
          <span>
            <span className="font-medium">{t("security.magicLinkLabel")}</span>
            <span className="block text-slate-500">{t("security.magicLinkHint")}</span>
          </span>
        </label>
        <Button type="submit" disabled={pending}>{t("security.save")}</Button>
      </form>
      <form action={signOutEverywhereAction.bind(null, { locale })} className="space-y-2 border-t border-slate-100 pt-4">
        <p className="text-sm text-slate-500">{t("security.signOutEverywhereHint")}</p>
        <button type="submit" className="text-sm font-semibold text-rose-700 hover:underline">{t("security.signOutEverywhere")}</button>
      </form>
    </div>
  );
}
