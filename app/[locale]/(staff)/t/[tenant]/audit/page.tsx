import Link from "next/link";
import { AuditFilter } from "@/components/audit/audit-filter";
import { describeActor, describeAudit, entityHref, entityTypeLabel } from "@/components/audit/describe-audit";
import { PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { auditEntityTypes, listAuditLog, parseAuditQuery } from "@/lib/audit/list-audit";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDateTime, zoneDescription } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "audit:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = parseAuditQuery(await searchParams);
  const [log, entityTypes, t] = await Promise.all([
    listAuditLog(ctx, { entityType: query.entity, page: query.page }),
    auditEntityTypes(ctx),
    getT(locale, ["partners", "directory"]),
  ]);
  const staffBase = `/${locale}/t/${ctx.slug}`;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.entity) params.set("entity", query.entity);
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return s ? `${staffBase}/audit?${s}` : `${staffBase}/audit`;
  };
  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={`${t("audit.entryCount", { count: log.total })} · ${t("audit.lead", { zone: zoneDescription(fmt) })}`} />
      <AuditFilter entity={query.entity} entityTypes={entityTypes} t={t} />
      {log.items.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <DataTable
          head={[
            { label: t("audit.columns.time") },
            { label: t("audit.columns.actor") },
            { label: t("audit.columns.action") },
            { label: t("audit.columns.entity") },
          ]}
        >
          {log.items.map((entry) => {
            const { action, code, detail } = describeAudit(t, entry);
            const link = entityHref(staffBase, entry.entityType, entry.entityId);
            const entityLabel = entityTypeLabel(t, entry.entityType);
            return (
              <tr key={entry.id} className="align-top">
                <td className="min-w-28 px-4 py-3 tabular-nums text-slate-600">{formatDateTime(fmt, entry.createdAt)}</td>
                <td className="px-4 py-3 text-slate-700"><span className="break-all">{describeActor(t, entry.actor)}</span></td>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900" title={code}>{action}</p>
                  {detail ? <p className="text-xs text-slate-600">{detail}</p> : null}
                </td>
                <td className="px-4 py-3">
                  <p className="text-xs text-slate-500">{entityLabel}</p>
                  {entry.entityName ? (
                    link ? <Link href={link} className="font-medium text-indigo-700 hover:underline">{entry.entityName}</Link> : <span className="font-medium">{entry.entityName}</span>
                  ) : link ? <Link href={link} className="text-indigo-700 hover:underline">{entityLabel}</Link> : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination page={log.page} pageCount={log.pageCount} href={href} t={t} />
    </>
  );
}
