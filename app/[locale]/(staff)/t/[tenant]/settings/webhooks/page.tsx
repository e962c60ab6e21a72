import Link from "next/link";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointStatus } from "@/components/webhooks/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listEndpoints } from "@/lib/webhooks/manage-endpoints";

export default async function WebhooksPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "integrations:manage");
  const [endpoints, t] = await Promise.all([listEndpoints(ctx), getT(locale, "webhooks")]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        {endpoints.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <DataTable head={[{ label: t("columns.url") }, { label: t("columns.events") }, { label: t("columns.status") }, { label: t("columns.failures") }]}>
            {endpoints.map((e) => (
              <tr key={e.id}>
                <td className="px-4 py-3">
                  <Link href={`/${locale}/t/${ctx.slug}/settings/webhooks/${e.id}`} className="break-all font-medium text-indigo-700 hover:underline">{e.url}</Link>
                  {e.description ? <div className="text-xs text-slate-500">{e.description}</div> : null}
                </td>
                <td className="px-4 py-3">{t("eventsCount", { count: e.events.length })}</td>
                <td className="px-4 py-3"><EndpointStatus t={t} enabled={e.enabled} reason={e.disabledReason} failures={e.consecutiveFailures} /></td>
                <td className="px-4 py-3 tabular-nums">{formatNumber(locale, e.consecutiveFailures)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card title={t("form.title")}>
          <EndpointForm locale={locale} tenant={ctx.slug} />
        </Card>
        <p className="text-sm text-slate-600">{t("docs")}: <code className="text-xs">docs/webhooks.md</code></p>
      </div>
    </>
  );
}
