import type { ReactNode } from "react";

/** The message shown in place of a list that has no rows. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-xl bg-white p-8 text-center text-sm text-slate-600 ring-1 ring-slate-200">{children}</p>;
}

export type Column = { label: ReactNode; align?: "right"; className?: string; sort?: "ascending" | "descending" };

/**
 * A list table: column headers from `head`, the rows (`<tr>`s) as children. `dense` narrows the
 * header cells' padding (the rows use `px-2` too) for many-column tables in a narrow card.
 */
export function DataTable({ head, children, dense = false }: { head: readonly Column[]; children: ReactNode; dense?: boolean }) {
  return (
    // `relative`: absolutely positioned content (an `sr-only` header or label) takes this scroll box as
    // its containing block; without it that content escapes the box and makes the whole page scroll
    // sideways on a phone.
    <div className="relative overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {/* Dense tables keep their headings in sentence case: capitals widen a Russian heading by a third. */}
        <thead className={`bg-slate-50 text-left text-xs font-semibold text-slate-600 ${dense ? "" : "uppercase tracking-wide"}`}>
          <tr>
            {head.map((c, i) => (
              <th key={i} scope="col" className={[c.className, dense ? "px-2 py-3" : "px-4 py-3", c.align === "right" ? "text-right" : null].filter(Boolean).join(" ")} aria-sort={c.sort}>
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
