"use client";
import { useTranslation } from "react-i18next";
import { Notice } from "@/components/ui/card";
import type { FormState, Message } from "@/lib/kernel/form";

/** A form's error message, translated (keys in `errors`); nothing when there is none. */
export function FormMessage({ message, tone = "error" }: { message?: Message; tone?: "success" | "error" }) {
  const { t } = useTranslation("errors");
  if (!message) return null;
  return <Notice tone={tone}>{t(message.key, message.values)}</Notice>;
}

/** The result of an action: a success note or a translated error, from the action's `FormState`. */
export function ActionNotice({ state }: { state: FormState }) {
  return <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />;
}
