import { CreateKeyForm } from "@/components/apikeys/create-key-form";
import { RevokeKeyButton } from "@/components/apikeys/revoke-key-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { appUrl } from "@/lib/app-url";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function ApiKeysPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "integrations:manage");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const [keys, t, base] = await Promise.all([listApiKeys(ctx), getT(locale, "apikeys"), appUrl()]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <Card title={t("form.title")}>
          <CreateKeyForm locale={locale} tenant={ctx.slug} />
        </Card>
        {keys.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <DataTable head={[{ label: t("columns.name") }, { label: t("columns.prefix") }, { label: t("columns.created") }, { label: t("columns.lastUsed") }, { label: t("columns.status") }, { label: "" }]}>
            {keys.map((k) => (
              <tr key={k.id} className={k.revokedAt ? "text-slate-500" : undefined}>
                <td className="px-4 py-3 font-medium text-slate-900">{k.name}</td>
                <td className="px-4 py-3 font-mono text-xs">{k.prefix}…</td>
                <td className="px-4 py-3 tabular-nums">{formatDate(fmt, k.createdAt)}</td>
                <td className="px-4 py-3 tabular-nums">{k.lastUsedAt ? formatDateTime(fmt, k.lastUsedAt) : t("never")}</td>
                <td className="px-4 py-3">
                  {k.revokedAt ? <Badge tone="red">{t("revoked", { date: formatDate(fmt, k.revokedAt) })}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                </td>
                <td className="px-4 py-3 text-right">{k.revokedAt ? null : <RevokeKeyButton locale={locale} tenant={ctx.slug} id={k.id} name={k.name} />}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card title={t("usage.title")}>
          <div className="space-y-2 text-sm text-slate-700">
            <p>{t("usage.text")}</p>
            <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{`curl -X POST ${base}/api/v1/events \\
  -H "Authorization: Bearer tw_live_…" \\
  -H "Content-Type: application/json" \\
  -d '{"type":"revenue","idempotency_key":"order-1001","occurred_at":"2026-03-01T14:30:00+03:00","customer_external_id":"cust-42","amount_minor":1250050,"currency":"RUB"}'`}</pre>
            <p><a href="/openapi.yaml" className="font-medium text-indigo-700 hover:underline">{t("usage.openapi")}</a></p>
          </div>
        </Card>
      </div>
    </>
  );
}
