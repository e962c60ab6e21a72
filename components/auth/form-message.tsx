"use client";
import { useTranslation } from "react-i18next";
import { Notice } from "@/components/ui/card";
import type { Message } from "@/lib/kernel/form";

export function FormMessage({ message }: { message?: Message }) {
  const { t } = useTranslation("errors");
  if (!message) return null;
  return <Notice tone="error">{t(message.key, message.values)}</Notice>;
}
