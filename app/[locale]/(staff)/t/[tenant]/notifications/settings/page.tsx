import Link from "next/link";
import { MailModeForm, StaleDaysForm } from "@/components/notifications/mail-mode-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { getMailMode, getStaleReferralDays } from "@/lib/notifications/preferences";

/** Staff: how they get notification e-mails here; owners and admins also set the waiting threshold. */
export default async function NotificationSettingsPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "dashboard:read");
  const [mode, days, t] = await Promise.all([getMailMode(ctx), getStaleReferralDays(ctx), getT(locale, "notifications")]);
  return (
    <>
      <PageHeader
        title={t("settings.title")}
        actions={<Link href={`/${locale}/t/${ctx.slug}/notifications`} className="text-sm font-medium text-indigo-700 hover:underline">{t("backToInbox")}</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("settings.mailTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("settings.mailLead")}</p>
          <MailModeForm locale={locale} tenant={ctx.slug} mode={mode} />
        </Card>
        <Card title={t("settings.staleTitle")}>
          <StaleDaysForm locale={locale} tenant={ctx.slug} days={days} disabled={!can(ctx.role, "settings:manage")} />
        </Card>
      </div>
    </>
  );
}
