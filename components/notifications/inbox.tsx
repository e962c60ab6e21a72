import Link from "next/link";
import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { InboxItem } from "@/lib/notifications/inbox";
import { renderNotification } from "@/lib/notifications/render";
import { MarkReadButton } from "./mark-read-button";

type Props = { locale: Locale; timeZone: string; tenant: string; items: InboxItem[]; unreadOnly: boolean; t: TFunction };

/** The inbox: newest first; unread items stand out and can be marked read one by one. */
export function Inbox({ locale, timeZone, tenant, items, unreadOnly, t }: Props) {
  const fmt = { locale, timeZone };
  const base = `/${locale}/t/${tenant}`;
  if (items.length === 0) return <p className="py-8 text-center text-sm text-slate-600">{t(unreadOnly ? "notifications:emptyUnread" : "notifications:empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="notification-list">
      {items.map((item) => {
        const r = renderNotification(t, locale, item);
        const unread = item.readAt === null;
        return (
          <li key={item.id} data-unread={unread ? "true" : "false"} className={`flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between ${unread ? "bg-indigo-50/60" : ""}`}>
            <div className="min-w-0 space-y-0.5">
              <p className="flex flex-wrap items-center gap-2">
                {unread ? <Badge tone="indigo">{t("notifications:new")}</Badge> : null}
                <Link href={`${base}/${r.path}`} className={`break-words text-sm text-slate-900 hover:underline ${unread ? "font-semibold" : ""}`}>{r.title}</Link>
              </p>
              {r.text ? <p className="break-words text-sm text-slate-600">{r.text}</p> : null}
              <p className="text-xs text-slate-600"><time dateTime={item.createdAt.toISOString()}>{formatDateTime(fmt, item.createdAt)}</time></p>
            </div>
            {unread ? <MarkReadButton locale={locale} tenant={tenant} id={item.id} label={`${t("notifications:markRead")}: ${r.title}`} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
