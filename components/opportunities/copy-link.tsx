"use client";
import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";

const noSubscribe = () => () => {};

/** A link to share: selectable text, a copy button, and the phone's share sheet where there is one. */
export function CopyLink({ url, label, shareTitle }: { url: string; label: string; shareTitle?: string }) {
  const { t } = useTranslation("opportunities");
  const [copied, setCopied] = useState(false);
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
  return (
    <div>
      <label className="mb-1 block text-sm font-medium text-slate-800" htmlFor="share-link">{label}</label>
      <div className="flex flex-col gap-2">
        <input
          id="share-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300"
        />
        <div className="flex gap-2">
          <Button type="button" onClick={copy} className="min-h-11 flex-1" aria-live="polite">
            {copied ? t("share.copied") : t("share.copy")}
          </Button>
          {canShare ? (
            <Button type="button" variant="secondary" className="min-h-11 flex-1" onClick={() => navigator.share({ url, title: shareTitle }).catch(() => undefined)}>
              {t("share.share")}
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
