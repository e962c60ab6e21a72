import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewHeader } from "@/components/opportunities/review-header";
import { ReviewOptInCard } from "@/components/opportunities/review-opt-in-card";
import { Notice } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listOptIns, reviewQuery } from "@/lib/opportunities/review";
import { optInStatuses, reviewDecisions } from "@/lib/opportunities/review-status";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<SearchParams> };

export default async function OptInsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:read");
  const search = flattenSearchParams(await searchParams);
  const query = reviewQuery.parse(search);
  const [result, t] = await Promise.all([
    listOptIns(ctx, id, query).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e))),
    getT(locale, ["opportunities", "referrals", "common", "placements"]),
  ]);
  const base = `/${locale}/t/${ctx.slug}`;
  const here = `${base}/opportunities/${id}/opt-ins`;
  const href = (status: string | undefined, page?: number) => {
    const p = new URLSearchParams();
    if (status) p.set("status", status);
    if (page && page > 1) p.set("page", String(page));
    return p.size ? `${here}?${p}` : here;
  };
  const done = (reviewDecisions as readonly string[]).includes(search.done ?? "") ? search.done : null;
  const counts = result.statusCounts;
  const allCount = Object.values(counts).reduce((n: number, c) => n + (c ?? 0), 0);
  const accepted = counts.accepted ?? 0;

  const tab = (status: string | undefined, label: string, count: number) => {
    const active = query.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={href(status)}
        aria-current={active ? "page" : undefined}
        className={`shrink-0 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
      >
        {label} <span className={`tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`}>{formatNumber(locale, count)}</span>
      </Link>
    );
  };

  return (
    <>
      <ReviewHeader opportunity={result.opportunity} base={base} current="opt-ins" locale={locale} t={t} />
      {done ? (
        <div className="mb-4">
          <Notice tone={done === "accept" && search.duplicate ? "info" : "success"}>
            {t(`review.done.${done === "accept" && search.duplicate ? "acceptDuplicate" : done}`)}{" "}
            {done === "accept" && search.referral ? (
              <Link href={`${base}/referrals/${encodeURIComponent(search.referral)}`} className="font-medium underline">
                {t(search.duplicate ? "review.done.openDuplicate" : "review.done.openReferral")}
              </Link>
            ) : null}
          </Notice>
        </div>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("review.filterLabel")} className="flex gap-2 overflow-x-auto pb-1">
          {tab(undefined, t("review.allStatuses"), allCount)}
          {optInStatuses.map((s) => tab(s, t(`review.filter.${s}`), counts[s] ?? 0))}
        </nav>
        <p className="text-sm text-slate-600">{t("review.slots", { count: result.opportunity.slots, accepted: formatNumber(locale, accepted) })}</p>
      </div>
      {result.items.length === 0 ? (
        <EmptyState>{t(query.status ? "review.emptyFiltered" : "review.empty")}</EmptyState>
      ) : (
        <div className="space-y-4">
          {result.items.map((item) => (
            <ReviewOptInCard key={item.id} item={item} base={base} tenant={ctx.slug} locale={locale} timeZone={ctx.viewerTimeZone} writable={can(ctx.role, "opportunities:write")} filter={query.status} t={t} />
          ))}
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => href(query.status, p)} t={t} />
    </>
  );
}
