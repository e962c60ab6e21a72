import Link from "next/link";

/** Previous/next links that keep the current filters. */
export function Pagination({ page, pageCount, href, labels }: { page: number; pageCount: number; href: (page: number) => string; labels: { prev: string; next: string; of: string } }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="pagination" className="mt-4 flex items-center justify-between">
      <p className="text-sm text-slate-600">{labels.of}</p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">{labels.prev}</Link> : null}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">{labels.next}</Link> : null}
      </div>
    </nav>
  );
}
