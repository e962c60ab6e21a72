import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { listOrdExchanges } from "@/lib/ord/placement-ord";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Staff: every request Twoway sent to the ОРД for this placement and what the operator answered. */
export default async function OrdExchangePage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const log = await listOrdExchanges(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["ord", "placements"]);
  const zone = { locale, timeZone: ctx.viewerTimeZone };
  return (
    <>
      <PageHeader title={t("log.title")} subtitle={`${log.placement.brand.name} · ${log.placement.creatorName}`} />
      <p className="mb-4 text-sm">
        <Link href={`/${locale}/t/${ctx.slug}/placements/${id}`} className="text-indigo-700 hover:underline">{t("log.back")}</Link>
      </p>
      {log.rows.length === 0 ? <EmptyState>{t("log.empty")}</EmptyState> : (
        <ol className="space-y-4">
          {log.rows.map((row) => (
            <li key={row.id}>
              <Card title={`${t(`log.kinds.${row.kind}`)} · ${formatDateTime(zone, row.createdAt)}`}>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-500">{t("log.request")}</dt>
                  <dd className="break-all font-mono text-xs">{row.method} {row.path}</dd>
                  <dt className="text-slate-500">{t("log.status")}</dt>
                  <dd>{row.status === null ? t("log.noAnswer") : formatNumber(locale, row.status)}{row.errorCode ? ` · ${t(`errors.${row.errorCode}`)}` : ""}</dd>
                  <dt className="text-slate-500">{t("log.attempts")}</dt>
                  <dd>{formatNumber(locale, row.attempts)}</dd>
                </dl>
                <div className="mt-3 grid min-w-0 gap-3 lg:grid-cols-2">
                  <div className="min-w-0">
                    <h3 className="mb-1 text-xs font-semibold text-slate-700">{t("log.sent")}</h3>
                    <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-slate-50 p-2 text-xs">{json(row.sent)}</pre>
                  </div>
                  <div className="min-w-0">
                    <h3 className="mb-1 text-xs font-semibold text-slate-700">{t("log.answered")}</h3>
                    <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-slate-50 p-2 text-xs">{json(row.answered)}</pre>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
