import Link from "next/link";
import { notFound } from "next/navigation";
import { RedeliverButton } from "@/components/webhooks/redeliver-button";
import { DeliveryStatus } from "@/components/webhooks/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { getDelivery } from "@/lib/webhooks/delivery-log";

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ locale: string; tenant: string; endpoint: string; delivery: string }> }) {
  const locale = await localeParam(params);
  const { tenant, endpoint, delivery: id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "integrations:manage");
  const d = await getDelivery(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  if (d.endpointId !== endpoint) notFound();
  const t = await getT(locale, "webhooks");
  return (
    <>
      <PageHeader title={t(`events.${d.event.type}`)} subtitle={`${t("attempt.eventId")}: ${d.event.id}`} actions={<DeliveryStatus t={t} status={d.status} />} />
      <div className="space-y-6">
        <Link href={`/${locale}/t/${ctx.slug}/settings/webhooks/${endpoint}`} className="text-sm font-medium text-indigo-700 hover:underline">← {t("log.back")}</Link>
        <RedeliverButton locale={locale} tenant={ctx.slug} id={d.id} />
        <Card title={t("attempt.body")}>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{pretty(d.event.body)}</pre>
        </Card>
        {d.attemptsLog.map((a) => (
          <Card key={a.id} title={`${t("attempt.title", { number: a.number })} · ${t(`attempt.trigger.${a.trigger}`)} · ${formatDateTime({ locale, timeZone: ctx.viewerTimeZone }, a.createdAt)}`}>
            <div className="grid gap-4 lg:grid-cols-2">
              <section>
                <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("attempt.request")}</h3>
                <p className="mb-2 break-all font-mono text-xs">POST {a.requestUrl}</p>
                <h4 className="text-xs font-medium text-slate-600">{t("attempt.headers")}</h4>
                <pre className="overflow-x-auto rounded-md bg-slate-100 p-2 text-xs">{Object.entries(a.requestHeaders as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
              </section>
              <section>
                <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("attempt.response")}</h3>
                <p className="mb-2 text-xs">
                  {a.responseStatus ? `HTTP ${a.responseStatus}` : (a.error ?? t("attempt.noResponse"))} · {t("attempt.duration", { ms: formatNumber(locale, a.durationMs) })}
                </p>
                {a.responseBody ? (
                  <>
                    <h4 className="text-xs font-medium text-slate-600">{t("attempt.body")}</h4>
                    <pre className="overflow-x-auto rounded-md bg-slate-100 p-2 text-xs">{a.responseBody}</pre>
                  </>
                ) : null}
              </section>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
