"use client";
import { useTranslation } from "react-i18next";
import { Notice } from "@/components/ui/card";
import type { FormState } from "@/lib/kernel/form";

/** The result of a commissions action: a success note or a translated error (keys in `errors`). */
export function ActionNotice({ state }: { state: FormState }) {
  const { t } = useTranslation("errors");
  if (!state.message) return null;
  return <Notice tone={state.ok ? "success" : "error"}>{t(state.message.key, state.message.values)}</Notice>;
}
