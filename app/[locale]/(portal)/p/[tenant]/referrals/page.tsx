import Link from "next/link";
import { MarketPair } from "@/components/referrals/market-pair";
import { StatusBadge } from "@/components/referrals/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requirePartner } from "@/lib/auth/guard";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { referralStatuses } from "@/lib/referrals/codes";
import { myReferralsQuery } from "@/lib/referrals/list-query";
import { listMyReferrals, myReferralCounts } from "@/lib/referrals/partner-referrals";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function MyReferralsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const query = myReferralsQuery.parse(flattenSearchParams(await searchParams));
  const [result, counts, t] = await Promise.all([listMyReferrals(ctx, query), myReferralCounts(ctx), getT(locale, ["referrals", "common"])]);
  const base = `/${locale}/p/${ctx.slug}/referrals`;
  const total = Object.values(counts).reduce((n: number, c) => n + (c ?? 0), 0);
  const chip = (status: string | undefined, label: string, count: number) => {
    const active = query.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={status ? `${base}?status=${status}` : base}
        aria-current={active ? "page" : undefined}
        className={`shrink-0 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300"}`}
      >
        {label} <span className={`tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`}>{formatNumber(locale, count)}</span>
      </Link>
    );
  };
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (query.status) p.set("status", query.status);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };

  return (
    <>
      <PageHeader
        title={t("portal.mine.title")}
        subtitle={t("count", { count: total })}
        actions={<ButtonLink href={`${base}/new`} className="min-h-11">{t("portal.nav.submit")}</ButtonLink>}
      />
      <nav aria-label={t("filters.status")} className="-mx-4 mb-4 flex gap-2 overflow-x-auto px-4 pb-1">
        {chip(undefined, t("filters.allStatuses"), total)}
        {referralStatuses.filter((s) => counts[s]).map((s) => chip(s, t(`status.${s}`), counts[s] ?? 0))}
      </nav>
      {result.items.length === 0 ? (
        <EmptyState>{t(query.status ? "portal.mine.emptyFiltered" : "portal.mine.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.items.map((r) => (
            <li key={r.id}>
              <Link href={`${base}/${r.id}`} className="block rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 hover:ring-indigo-300">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{r.subjectName}</p>
                    <p className="text-xs text-slate-500">{t(`kind.${r.kind}`)} · {r.program.name}</p>
                  </div>
                  <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
                </div>
                <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
                  <MarketPair source={r.sourceMarket} target={r.targetMarket} crossLabel={t("crossMarket")} />
                  <span className="tabular-nums">
                    {r.submittedAt ? t("portal.mine.submittedOn", { date: formatDate(fmt, r.submittedAt) }) : t("portal.mine.savedOn", { date: formatDate(fmt, r.updatedAt) })}
                  </span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={href} t={t} />
    </>
  );
}
