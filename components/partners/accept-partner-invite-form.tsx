"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";

/**
 * A plain POST to /api/partner-invite/accept: the response redirects the browser to the Auth.js
 * sign-in callback, so the session cookie lands in this browser. Works without JavaScript.
 */
export function AcceptPartnerInviteForm({ locale, token, error }: { locale: string; token: string; error?: string }) {
  const { t } = useTranslation("partners");
  const [pending, setPending] = useState(false);
  return (
    <form method="post" action="/api/partner-invite/accept" onSubmit={() => setPending(true)} className="space-y-3">
      <FormMessage message={error ? { key: error } : undefined} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <Button type="submit" disabled={pending} className="w-full">{pending ? t("accept.pending") : t("accept.submit")}</Button>
    </form>
  );
}
