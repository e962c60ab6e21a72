import { PartnerInbox } from "@/components/messages/partner-inbox";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listPartnerMessages } from "@/lib/messages/partner-inbox";

/** Portal: the partner's messages from the agency. */
export default async function PortalMessagesPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [rows, t] = await Promise.all([listPartnerMessages(ctx), getT(locale, ["messages"])]);
  const unread = rows.filter((r) => r.readAt === null).length;
  return (
    <>
      <PageHeader title={t("portal.title")} subtitle={unread > 0 ? t("portal.unreadCount", { count: unread }) : t("portal.lead", { agency: ctx.tenantName })} />
      {rows.length === 0 ? <EmptyState>{t("portal.empty")}</EmptyState> : <Card className="overflow-hidden"><PartnerInbox locale={locale} timeZone={ctx.viewerTimeZone} base={`/${locale}/p/${ctx.slug}`} rows={rows} t={t} /></Card>}
    </>
  );
}
