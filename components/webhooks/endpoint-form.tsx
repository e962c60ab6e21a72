"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { SecretState } from "@/lib/webhooks/action-states";
import { createEndpointAction, updateEndpointAction } from "@/lib/webhooks/actions";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { SecretNotice } from "./secret-notice";

type Endpoint = { id: string; url: string; description: string | null; events: string[] };

/** Creates an endpoint (then shows its secret once) or edits one: URL, description, events. */
export function EndpointForm({ locale, tenant, endpoint }: { locale: string; tenant: string; endpoint?: Endpoint }) {
  const { t } = useTranslation(["webhooks", "errors"]);
  const action = endpoint ? updateEndpointAction.bind(null, { locale, tenant, id: endpoint.id }) : createEndpointAction.bind(null, { locale, tenant });
  const [state, formAction, pending] = useActionState<SecretState, FormData>(action, {});
  const typed = !state.ok ? state.values : undefined;
  const chosen = new Set(typed ? Object.entries(typed).filter(([k]) => k.startsWith("events")).map(([, v]) => v) : (endpoint?.events ?? []));
  return (
    <div className="space-y-4">
      {state.ok && state.secret ? (
        <div className="space-y-2">
          <SecretNotice title={t("created.title")} secret={state.secret} />
          <Link href={`/${locale}/t/${tenant}/settings/webhooks/${state.endpointId}`} className="text-sm font-medium text-indigo-700 hover:underline">{t("log.title")}</Link>
        </div>
      ) : null}
      <form key={state.ok && state.secret ? state.secret : "form"} action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
        <Field label={t("form.url")} name="url" error={state.fieldErrors?.url} hint={t("form.urlHint")}>
          {(a) => <TextInput {...a} name="url" type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={typed?.url ?? endpoint?.url ?? ""} />}
        </Field>
        <Field label={t("form.description")} name="description" error={state.fieldErrors?.description} hint={t("form.descriptionHint")}>
          {(a) => <TextInput {...a} name="description" maxLength={200} defaultValue={typed?.description ?? endpoint?.description ?? ""} />}
        </Field>
        <fieldset aria-describedby={state.fieldErrors?.events ? "f-events-error" : undefined}>
          <legend className="mb-1 block text-sm font-medium text-slate-800">{t("form.events")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events[]" value={type} defaultChecked={chosen.has(type)} className="h-4 w-4 rounded border-slate-300" />
                <span>{t(`events.${type}`)}</span>
              </label>
            ))}
          </div>
          <ErrorText id="f-events-error" error={state.fieldErrors?.events} />
        </fieldset>
        <FormMessage state={state.ok && !endpoint ? undefined : state} message={state.ok && endpoint ? { key: "webhooks:form.saved" } : undefined} />
        <Button type="submit" disabled={pending}>{endpoint ? t("form.save") : t("form.submit")}</Button>
      </form>
    </div>
  );
}
