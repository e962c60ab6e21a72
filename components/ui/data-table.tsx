import type { ReactNode } from "react";

/** The message shown in place of a list that has no rows. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-xl bg-white p-8 text-center text-sm text-slate-600 ring-1 ring-slate-200">{children}</p>;
}

export type Column = { label: ReactNode; align?: "right"; className?: string; sort?: "ascending" | "descending" };

/** A list table: column headers from `head`, the rows (`<tr>`s) as children. */
export function DataTable({ head, children }: { head: readonly Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {head.map((c, i) => (
              <th key={i} scope="col" className={[c.className, "px-4 py-3", c.align === "right" ? "text-right" : null].filter(Boolean).join(" ")} aria-sort={c.sort}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
