"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextInput } from "@/components/ui/field";

/** A signing secret, shown once (after create or rotate) with a copy button. */
export function SecretNotice({ title, secret }: { title: string; secret: string }) {
  const { t } = useTranslation("webhooks");
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <Notice tone="success">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{t("created.once")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <TextInput readOnly value={secret} aria-label={t("created.label")} data-testid="webhook-secret" className="max-w-md font-mono" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(secret))}>
          {copied === secret ? t("created.copied") : t("created.copy")}
        </Button>
      </div>
    </Notice>
  );
}
