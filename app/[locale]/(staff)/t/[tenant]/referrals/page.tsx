import Link from "next/link";
import { BulkTriage } from "@/components/referrals/bulk-triage";
import { PipelineBoard } from "@/components/referrals/pipeline-board";
import { PipelineFilters } from "@/components/referrals/pipeline-filters";
import { PipelineTable } from "@/components/referrals/pipeline-table";
import { buttonClass } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { loadPipelineBoard } from "@/lib/referrals/board";
import { pipelineStatuses } from "@/lib/referrals/codes";
import { listReferrals, pipelineFilterOptions } from "@/lib/referrals/list-referrals";
import { pipelineQuery, pipelineSearch } from "@/lib/referrals/list-query";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";
import { localDate } from "@/lib/kernel/time-zone";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function ReferralsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const raw = flattenSearchParams(await searchParams);
  const query = pipelineQuery.parse(raw);
  const moved = pipelineStatuses.find((s) => s === raw.moved);
  const [result, options, t] = await Promise.all([listReferrals(ctx, query), pipelineFilterOptions(ctx), getT(locale, ["referrals", "common"])]);
  const board = query.view === "board" ? await loadPipelineBoard(ctx, query) : null;
  const base = `/${locale}/t/${ctx.slug}/referrals`;
  const writable = can(ctx.role, "referrals:write");
  const allCount = Object.values(result.statusCounts).reduce((n: number, c) => n + (c ?? 0), 0);
  const filtered = !!(query.q || query.status || query.program || query.partner || query.pair || query.cross || query.from || query.to);
  const defaultDir = query.sort === "submitted" ? "desc" : "asc";
  const dir = query.dir ?? defaultDir;
  const sortHref = (key: "submitted" | "status" | "name") => {
    const nextDir = key === query.sort ? (dir === "asc" ? "desc" : "asc") : undefined;
    return `${base}${pipelineSearch(query, { sort: key === "submitted" ? undefined : key, dir: nextDir, page: undefined })}`;
  };
  const tab = (status: string | undefined, label: string, count: number) => {
    const active = query.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={`${base}${pipelineSearch(query, { status, page: undefined })}`}
        aria-current={active ? "page" : undefined}
        className={`shrink-0 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
      >
        {label} <span className={`tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`}>{formatNumber(locale, count)}</span>
      </Link>
    );
  };
  const table = (
    <PipelineTable
      rows={result.items} locale={locale} timeZone={ctx.viewerTimeZone} base={base} selectable={writable} sortHref={sortHref}
      sort={{ key: query.sort, dir }} t={t}
    />
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("pipeline.count", { count: result.total })}
        actions={
          <>
            <nav aria-label={t("board.views")} className="flex rounded-md ring-1 ring-inset ring-slate-300">
              {(["table", "columns"] as const).map((v) => {
                const current = (v === "columns") === (query.view === "board");
                return (
                  <Link key={v} href={`${base}${pipelineSearch(query, { view: v === "columns" ? "board" : undefined, page: undefined })}`} aria-current={current ? "page" : undefined}
                    className={`px-3 py-2 text-sm font-medium first:rounded-l-md last:rounded-r-md ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"}`}>
                    {t(`board.${v}`)}
                  </Link>
                );
              })}
            </nav>
            <a href={`${base}/export${pipelineSearch(query, { page: undefined })}`} download className={buttonClass("secondary")}>{t("pipeline.export")}</a>
          </>
        }
      />
      {moved ? <Notice tone="success">{t("board.moved", { status: t(`status.${moved}`) })}</Notice> : null}
      <nav aria-label={t("filters.status")} className="mb-4 flex flex-wrap gap-2">
        {tab(undefined, t("filters.allStatuses"), allCount)}
        {pipelineStatuses.map((s) => tab(s, t(`status.${s}`), result.statusCounts[s] ?? 0))}
      </nav>
      <PipelineFilters query={query} options={options} resetHref={base} locale={locale} t={t} />
      {board ? (
        <PipelineBoard columns={board} locale={locale} tenant={ctx.slug} base={base} writable={writable} currency={ctx.reportingCurrency} today={localDate(new Date(), ctx.timeZone)} />
      ) : result.items.length === 0 ? (
        <EmptyState>{t(filtered ? "pipeline.emptyFiltered" : "pipeline.empty")}</EmptyState>
      ) : writable ? (
        <BulkTriage locale={locale} tenant={ctx.slug}>{table}</BulkTriage>
      ) : (
        table
      )}
      {board ? null : <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `${base}${pipelineSearch(query, { page: p > 1 ? String(p) : undefined })}`} t={t} />}
    </>
  );
}
