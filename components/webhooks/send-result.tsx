"use client";
import { useTranslation } from "react-i18next";
import { Notice } from "@/components/ui/card";

/** What a test event or a redelivery got back. */
export function SendResult({ kind, sent }: { kind: "test" | "redeliver"; sent: { ok: boolean; status: number | null; error: string | null } }) {
  const { t } = useTranslation("webhooks");
  const error = sent.error ?? (sent.status ? `HTTP ${sent.status}` : t("attempt.noResponse"));
  return (
    <Notice tone={sent.ok ? "success" : "error"}>
      <span role="status">{sent.ok ? t(`${kind}.ok`, { status: sent.status }) : t(`${kind}.failed`, { error })}</span>
    </Notice>
  );
}
