import type { TFunction } from "i18next";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { MessageText } from "./message-text";

type Reply = { id: string; authorKind: "staff" | "partner"; body: string; createdAt: Date };

/** A direct message's replies in order; `who` names each reply's author for the reader. */
export function ReplyThread({ locale, timeZone, replies, who, empty }: {
  locale: Locale; timeZone: string; replies: Reply[]; who: (r: Reply) => string; empty: string; t?: TFunction;
}) {
  const fmt = { locale, timeZone };
  if (replies.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-3" data-testid="message-replies">
      {replies.map((r) => (
        <li key={r.id} data-author={r.authorKind} className={`rounded-lg p-3 ring-1 ${r.authorKind === "partner" ? "bg-white ring-slate-200" : "bg-indigo-50 ring-indigo-100"}`}>
          <p className="mb-1 flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
            <span className="font-semibold text-slate-800">{who(r)}</span>
            <time dateTime={r.createdAt.toISOString()}>{formatDateTime(fmt, r.createdAt)}</time>
          </p>
          <MessageText text={r.body} />
        </li>
      ))}
    </ol>
  );
}
