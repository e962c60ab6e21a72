import Link from "next/link";
import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { messageIn } from "@/lib/messages/localized";
import type { listPartnerMessages } from "@/lib/messages/partner-inbox";

type Row = Awaited<ReturnType<typeof listPartnerMessages>>[number];

/**
 * Portal (phone-first): the partner's messages, newest first; unread ones stand out. Opening a message
 * marks it read, so its link is never prefetched (a prefetch is not a reading).
 */
export function PartnerInbox({ locale, timeZone, base, rows, t }: { locale: Locale; timeZone: string; base: string; rows: Row[]; t: TFunction }) {
  const fmt = { locale, timeZone };
  return (
    <ul className="divide-y divide-slate-100" data-testid="message-list">
      {rows.map((r) => {
        const text = messageIn(locale, r.message);
        const unread = r.readAt === null;
        return (
          <li key={r.id} data-unread={unread ? "true" : "false"} className={`px-4 py-3 ${unread ? "bg-indigo-50/60" : ""}`}>
            <p className="flex flex-wrap items-center gap-2">
              {unread ? <Badge tone="indigo">{t("portal.new")}</Badge> : null}
              <Link href={`${base}/messages/${r.message.id}`} prefetch={false} lang={text.lang} className={`break-words text-sm text-slate-900 hover:underline ${unread ? "font-semibold" : ""}`}>{text.subject}</Link>
            </p>
            <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-600">
              <span>{t(r.message.audience === "partner" ? "portal.direct" : "portal.announcement")}</span>
              <time dateTime={r.message.createdAt.toISOString()}>{formatDateTime(fmt, r.message.createdAt)}</time>
              {r.message._count.replies > 0 ? <span>{t("repliesCount", { count: r.message._count.replies })}</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
