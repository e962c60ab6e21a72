import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { funnelSearch, type FunnelView } from "@/lib/funnel/params";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { ExportLink } from "./export-link";
import { FunnelControls } from "./funnel-controls";

export const DRILL_PAGE_SIZE = 50;

type Options = { programs: { id: string; name: string }[]; partners: { id: string; name: string }[] };

/** The frame of every drill-down page: same controls as the funnel, a count, the rows, pages, CSV. */
export function DrillShell({ title, note, view, path, funnelPath, exportTable, total, pageCount, options, locale, t, tabs, extraActions, children }: {
  title: string;
  note?: string;
  view: FunnelView;
  path: string;
  funnelPath: string;
  exportTable: string;
  total: number;
  pageCount: number;
  options: Options;
  locale: Locale;
  t: TFunction;
  tabs?: ReactNode;
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const back = `${funnelPath}${funnelSearch(view, { page: 1, stage: "referrals", source: undefined, type: undefined, excluded: false, without: undefined })}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={back} className="font-medium text-indigo-700 hover:underline">← {t("funnel:drill.back")}</Link></p>
      <PageHeader
        title={title}
        subtitle={`${t("funnel:range", { from: formatDay(locale, view.from), to: formatDay(locale, view.to) })} · ${t(`funnel:basis.${view.basis}`)} · ${t("funnel:drill.count", { count: total })}`}
        actions={<>{extraActions}<ExportLink href={`${funnelPath}/export/${exportTable}${funnelSearch(view, { page: 1 })}`} table={exportTable} t={t} /></>}
      />
      {note ? <p className="-mt-4 mb-4 text-sm text-slate-600">{note}</p> : null}
      {view.without ? (
        <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
          <span className="font-medium">{t("funnel:noValue")}:</span> {t(`funnel:unattributed.${view.without}`)}{" "}
          <Link href={`${path}${funnelSearch(view, { without: undefined, page: 1 })}`} className="font-medium text-indigo-700 hover:underline">{t("funnel:unattributed.clear")}</Link>
        </p>
      ) : null}
      <FunnelControls view={view} path={path} locale={locale} t={t} options={options} />
      {tabs}
      {total === 0 ? <EmptyState>{t("funnel:drill.empty")}</EmptyState> : children}
      <Pagination page={view.page} pageCount={pageCount} href={(p) => `${path}${funnelSearch(view, { page: p })}`} t={t} />
    </>
  );
}

/** Chips that narrow a drill-down by one value (stage, source, event type), keeping the rest of the view. */
export function DrillTabs({ items, label }: { items: { key: string; label: string; href: string; active: boolean }[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-2 overflow-x-auto pb-1">
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={i.active ? "page" : undefined}
          className={`shrink-0 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${i.active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
