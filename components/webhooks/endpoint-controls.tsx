"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/kernel/form";
import type { SecretState, SendState } from "@/lib/webhooks/action-states";
import { deleteEndpointAction, rotateSecretAction, sendTestEventAction, toggleEndpointAction } from "@/lib/webhooks/actions";
import { SecretNotice } from "./secret-notice";
import { SendResult } from "./send-result";

type Props = { locale: string; tenant: string; id: string; enabled: boolean };

/** Send test event, rotate the secret, turn on/off, delete. */
export function EndpointControls({ locale, tenant, id, enabled }: Props) {
  const { t } = useTranslation("webhooks");
  const target = { locale, tenant, id };
  const [test, testAction, testing] = useActionState<SendState, FormData>(sendTestEventAction.bind(null, target), {});
  const [rotated, rotateAction, rotating] = useActionState<SecretState, FormData>(rotateSecretAction.bind(null, target), {});
  const [toggled, toggleAction, toggling] = useActionState<FormState, FormData>(toggleEndpointAction.bind(null, { ...target, enable: enabled ? "off" : "on" }), {});
  const [removed, removeAction, removing] = useActionState<FormState, FormData>(deleteEndpointAction.bind(null, target), {});
  const confirm = (text: string) => (e: React.FormEvent) => { if (!window.confirm(text)) e.preventDefault(); };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={testAction}><Button type="submit" disabled={testing}>{t("test.submit")}</Button></form>
        <form action={rotateAction} onSubmit={confirm(t("rotate.confirm"))}><Button type="submit" variant="secondary" disabled={rotating}>{t("rotate.submit")}</Button></form>
        <form action={toggleAction} onSubmit={enabled ? confirm(t("toggle.confirmDisable")) : undefined}>
          <Button type="submit" variant="secondary" disabled={toggling}>{enabled ? t("toggle.disable") : t("toggle.enable")}</Button>
        </form>
        <form action={removeAction} onSubmit={confirm(t("remove.confirm"))}><Button type="submit" variant="danger" disabled={removing}>{t("remove.submit")}</Button></form>
      </div>
      {test.sent ? <SendResult kind="test" sent={test.sent} /> : null}
      {rotated.ok && rotated.secret ? <SecretNotice title={t("rotate.done")} secret={rotated.secret} /> : null}
      {[test, rotated, toggled, removed].map((s, i) => (s.ok === false ? <FormMessage key={i} state={s} /> : null))}
    </div>
  );
}
