"use client";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/card";
import type { FormState } from "@/lib/kernel/form";

/** Success (a `partners:messages.*` key) or the error summary of a form. */
export function FormStatus({ state }: { state: FormState }) {
  const { t } = useTranslation("partners");
  if (state.ok && state.message) return <Notice tone="success">{t(`messages.${state.message.key}`, state.message.values)}</Notice>;
  const count = Object.keys(state.fieldErrors ?? {}).length;
  return <FormMessage message={state.message ?? (count ? { key: "form_has_errors", values: { count } } : undefined)} />;
}
