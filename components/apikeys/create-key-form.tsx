"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { CreateKeyState } from "@/lib/api-keys/action-states";
import { createApiKeyAction } from "@/lib/api-keys/actions";

/** Creates a key and shows it once: after leaving or reloading the page it cannot be read again. */
export function CreateKeyForm({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["apikeys", "errors"]);
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createApiKeyAction.bind(null, { locale, tenant }), {});
  // Remembers which key was copied, so a newly created key starts uncopied without an effect.
  const [copiedKey, setCopiedKey] = useState<string | null>(null);
  const copied = !!state.secret && copiedKey === state.secret;
  const form = useRef<HTMLFormElement>(null);
  const v = state.ok ? {} : (state.values ?? {});
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      {state.ok && state.secret ? (
        <Notice tone="success">
          <p className="font-semibold">{t("created.title", { name: state.name })}</p>
          <p className="mt-1">{t("created.once")}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <TextInput readOnly value={state.secret} aria-label={t("created.label")} className="max-w-md font-mono" onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(state.secret!).then(() => setCopiedKey(state.secret!))}>
              {copied ? t("created.copied") : t("created.copy")}
            </Button>
          </div>
        </Notice>
      ) : null}
      <form ref={form} action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <Field label={t("form.name")} name="name" error={state.fieldErrors?.name} hint={t("form.nameHint")}>
            {(a) => <TextInput {...a} name="name" maxLength={80} defaultValue={v.name ?? ""} />}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>{t("form.submit")}</Button>
      </form>
      <FormMessage message={state.ok ? undefined : state.message} />
    </div>
  );
}
