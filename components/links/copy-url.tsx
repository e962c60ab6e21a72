"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";

/** A tracked link's full URL, selectable, with a copy button big enough for a thumb. */
export function CopyUrl({ url, compact = false }: { url: string; compact?: boolean }) {
  const { t } = useTranslation("links");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      // Clipboard blocked (insecure context, permissions): the text stays selectable.
    }
  };
  return (
    <div className={compact ? "flex items-center gap-2" : "flex flex-col gap-2 sm:flex-row sm:items-center"}>
      <input
        readOnly
        value={url}
        aria-label={t("actions.copy")}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300"
      />
      <Button type="button" variant="secondary" onClick={copy} className={compact ? "shrink-0" : "min-h-11 shrink-0"} aria-live="polite">
        {copied ? t("actions.copied") : t("actions.copy")}
      </Button>
    </div>
  );
}
