import Link from "next/link";
import { notFound } from "next/navigation";
import { EndpointControls } from "@/components/webhooks/endpoint-controls";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { DeliveryStatus, EndpointStatus } from "@/components/webhooks/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { listDeliveries } from "@/lib/webhooks/delivery-log";
import { getEndpoint } from "@/lib/webhooks/manage-endpoints";

export default async function WebhookEndpointPage({ params }: { params: Promise<{ locale: string; tenant: string; endpoint: string }> }) {
  const locale = await localeParam(params);
  const { tenant, endpoint: id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "integrations:manage");
  const endpoint = await getEndpoint(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const [deliveries, t] = await Promise.all([listDeliveries(ctx, id), getT(locale, "webhooks")]);
  const base = `/${locale}/t/${ctx.slug}/settings/webhooks`;
  return (
    <>
      <PageHeader title={endpoint.url} subtitle={endpoint.description ?? undefined} actions={<EndpointStatus t={t} enabled={endpoint.enabled} reason={endpoint.disabledReason} failures={endpoint.consecutiveFailures} />} />
      <div className="space-y-6">
        <EndpointControls locale={locale} tenant={ctx.slug} id={endpoint.id} enabled={endpoint.enabled} />
        <Card title={t("log.title")}>
          {deliveries.length === 0 ? (
            <EmptyState>{t("log.empty")}</EmptyState>
          ) : (
            <DataTable dense head={[{ label: t("log.event") }, { label: t("log.status") }, { label: t("log.attempts") }, { label: t("log.response") }, { label: t("log.time") }, { label: "" }]}>
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className="px-4 py-2">
                    <div>{t(`events.${d.event.type}`)}</div>
                    <code className="text-xs text-slate-500">{d.event.id}</code>
                  </td>
                  <td className="px-4 py-2">
                    <DeliveryStatus t={t} status={d.status} />
                    {d.status === "pending" && d.attempts > 0 ? <div className="text-xs text-slate-500">{t("log.nextAttempt", { time: formatDateTime({ locale, timeZone: ctx.viewerTimeZone }, d.nextAttemptAt) })}</div> : null}
                  </td>
                  <td className="px-4 py-2 tabular-nums">{formatNumber(locale, d.attempts)}</td>
                  <td className="px-4 py-2 text-xs">
                    {d.last ? (d.last.responseStatus ? `HTTP ${d.last.responseStatus}` : (d.last.error ?? t("attempt.noResponse"))) : "—"}
                    {d.last ? <span className="text-slate-500"> · {t("attempt.duration", { ms: formatNumber(locale, d.last.durationMs) })}</span> : null}
                  </td>
                  <td className="px-4 py-2 tabular-nums">{formatDateTime({ locale, timeZone: ctx.viewerTimeZone }, d.createdAt)}</td>
                  <td className="px-4 py-2 text-right"><Link href={`${base}/${endpoint.id}/deliveries/${d.id}`} className="text-indigo-700 hover:underline">{t("log.details")}</Link></td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card title={t("form.editTitle")}>
          <EndpointForm locale={locale} tenant={ctx.slug} endpoint={endpoint} />
        </Card>
      </div>
    </>
  );
}
