import Link from "next/link";
import { Inbox } from "@/components/notifications/inbox";
import { MarkAllReadButton } from "@/components/notifications/mark-read-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ unread?: string }> };

/** Staff: their own notifications in this agency ("needs attention"). */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "dashboard:read");
  const unreadOnly = (await searchParams).unread === "1";
  const [items, unread, t] = await Promise.all([listNotifications(ctx, { unreadOnly }), unreadCount(ctx), getT(locale, ["notifications", "referrals"])]);
  const base = `/${locale}/t/${ctx.slug}/notifications`;
  const tab = (href: string, active: boolean, label: string) => (
    <Link href={href} aria-current={active ? "page" : undefined} className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={unread > 0 ? t("unreadCount", { count: unread }) : undefined}
        actions={<Link href={`${base}/settings`} className="text-sm font-medium text-indigo-700 hover:underline">{t("settingsLink")}</Link>}
      />
      <p className="-mt-3 mb-5 max-w-3xl text-sm text-slate-600">{t("lead")}</p>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("filter.label")} className="flex gap-2">
          {tab(base, !unreadOnly, t("filter.all"))}
          {tab(`${base}?unread=1`, unreadOnly, t("filter.unread"))}
        </nav>
        {unread > 0 ? <MarkAllReadButton locale={locale} tenant={ctx.slug} /> : null}
      </div>
      <Card className="overflow-hidden">
        <Inbox locale={locale} timeZone={ctx.viewerTimeZone} tenant={ctx.slug} items={items} unreadOnly={unreadOnly} t={t} />
      </Card>
    </>
  );
}
