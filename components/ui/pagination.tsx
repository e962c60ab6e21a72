import Link from "next/link";
import type { TFunction } from "i18next";

/** Previous/next links that keep the current filters (`href` builds a page's URL). */
export function Pagination({ page, pageCount, href, t }: { page: number; pageCount: number; href: (page: number) => string; t: TFunction }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="pagination" className="mt-4 flex items-center justify-between">
      <p className="text-sm text-slate-600">{t("common:pagination.of", { page, pages: pageCount })}</p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">{t("common:pagination.prev")}</Link> : null}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">{t("common:pagination.next")}</Link> : null}
      </div>
    </nav>
  );
}
