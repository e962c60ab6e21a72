import Link from "next/link";
import { PartnerFilters, partnerListHref } from "@/components/partners/partner-filters";
import { PartnerStatusBadge } from "@/components/partners/partner-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Notice, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listPartners, listProgramChoices } from "@/lib/partners/list-partners";
import { parsePartnerListQuery } from "@/lib/partners/schemas";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function PartnersPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = parsePartnerListQuery(await searchParams);
  const [result, programs, t] = await Promise.all([listPartners(ctx, query), listProgramChoices(ctx), getT(locale, ["partners", "common", "directory"])]);
  const base = `/${locale}/t/${ctx.slug}/partners`;
  const awaiting = result.statusCounts.applied ?? 0;
  const filtered = Boolean(query.q || query.market || query.tier || query.program || query.status);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("partnerCount", { count: result.total })}
        actions={can(ctx.role, "partners:write") ? <ButtonLink href={`${base}/new`}>{t("invite.button")}</ButtonLink> : null}
      />
      {awaiting > 0 && query.status !== "applied" ? (
        <div className="mb-4">
          <Notice>
            <Link href={partnerListHref(base, { ...query, status: "applied" }, 1)} className="font-medium underline-offset-2 hover:underline">
              {t("list.awaitingReview", { count: awaiting })}
            </Link>
          </Notice>
        </div>
      ) : null}
      <PartnerFilters base={base} locale={locale} query={query} counts={result.statusCounts} programs={programs} t={t} />
      {result.items.length === 0 ? (
        <EmptyState>{filtered ? t("list.empty") : t("list.noneYet")}</EmptyState>
      ) : (
        <DataTable
          head={[
            { label: t("fields.name") },
            { label: t("fields.status") },
            { label: t("fields.market") },
            { label: t("fields.tier") },
            { label: t("fields.programs") },
            { label: t("fields.referrals"), align: "right" },
            { label: t("fields.added") },
          ]}
        >
          {result.items.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`${base}/${p.id}`} className="font-medium text-slate-900 hover:text-indigo-700">{p.name}</Link>
                <p className="text-xs text-slate-500">{p.email}</p>
              </td>
              <td className="px-4 py-3"><PartnerStatusBadge status={p.status} label={t(`status.${p.status}`)} /></td>
              <td className="px-4 py-3"><Badge tone="indigo">{t(`common:markets.${p.market}`)}</Badge>{p.country ? <span className="ml-1 text-xs text-slate-500">{p.country}</span> : null}</td>
              <td className="px-4 py-3 text-slate-700">{t(`tiers.${p.trustTier}`)}</td>
              <td className="px-4 py-3 text-slate-600">{p.enrolments.map((e) => e.program.name).join(", ") || "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatNumber(locale, p._count.referrals)}</td>
              <td className="px-4 py-3 tabular-nums text-slate-600">{formatDate(fmt, p.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(page) => partnerListHref(base, query, page)} t={t} />
    </>
  );
}
