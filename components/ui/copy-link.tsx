"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";

const noSubscribe = () => () => {};

type Props = {
  url: string;
  /** A visible label: the link stands in its own block with big buttons and, on phones, the share sheet. */
  label?: string;
  shareTitle?: string;
  /** Without a label: a one-line row for tables. */
  compact?: boolean;
};

/** A link to copy: selectable text and a copy button big enough for a thumb (strings in `common`). */
export function CopyLink({ url, label, shareTitle, compact = false }: Props) {
  const { t } = useTranslation("common");
  const [copied, setCopied] = useState(false);
  // Several labelled links on one page (the portal's placements, each with its label line) need their own ids.
  const inputId = useId();
  // False on the server and in the first render, so hydration matches; then what the browser offers.
  const canShare = useSyncExternalStore(noSubscribe, () => typeof navigator.share === "function", () => false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      // Clipboard blocked (insecure context, permissions): the text stays selectable.
      setCopied(false);
    }
  };
  const input = (id?: string) => (
    <input
      id={id}
      readOnly
      value={url}
      aria-label={id ? undefined : t("copy.copy")}
      onFocus={(e) => e.currentTarget.select()}
      className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300"
    />
  );
  const copyText = copied ? t("copy.copied") : t("copy.copy");

  if (label === undefined) {
    return (
      <div className={compact ? "flex items-center gap-2" : "flex flex-col gap-2 sm:flex-row sm:items-center"}>
        {input()}
        <Button type="button" variant="secondary" onClick={copy} className={compact ? "shrink-0" : "min-h-11 shrink-0"} aria-live="polite">
          {copyText}
        </Button>
      </div>
    );
  }
  return (
    <div>
      <label className="mb-1 block text-sm font-medium text-slate-800" htmlFor={inputId}>{label}</label>
      <div className="flex flex-col gap-2">
        {input(inputId)}
        <div className="flex gap-2">
          <Button type="button" onClick={copy} className="min-h-11 flex-1" aria-live="polite">
            {copyText}
          </Button>
          {canShare ? (
            <Button type="button" variant="secondary" className="min-h-11 flex-1" onClick={() => navigator.share({ url, title: shareTitle }).catch(() => undefined)}>
              {t("copy.share")}
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
