import { MessageList } from "@/components/messages/message-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listMessages } from "@/lib/messages/staff-messages";

/** Staff: announcements and direct messages to partners. */
export default async function MessagesPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const [rows, t] = await Promise.all([listMessages(ctx), getT(locale, ["messages", "common"])]);
  const base = `/${locale}/t/${ctx.slug}`;
  return (
    <>
      <PageHeader title={t("title")} actions={can(ctx.role, "partners:write") ? <ButtonLink href={`${base}/messages/new`}>{t("new")}</ButtonLink> : undefined} />
      <p className="-mt-3 mb-5 max-w-3xl text-sm text-slate-600">{t("lead")}</p>
      {rows.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : <MessageList locale={locale} timeZone={ctx.viewerTimeZone} base={base} rows={rows} t={t} />}
    </>
  );
}
