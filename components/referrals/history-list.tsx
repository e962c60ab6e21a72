import type { ReactNode } from "react";

export type HistoryItem = {
  id: string;
  when: string;
  status: ReactNode;
  actor: string;
  reason?: string | null;
  note?: string | null;
  badge?: ReactNode;
};

/** A referral's steps, oldest first: when, which status, who, and why. */
export function HistoryList({ items, empty }: { items: HistoryItem[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {items.map((item) => (
        <li key={item.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.6rem] top-1 size-2.5 rounded-full bg-white ring-2 ring-indigo-500" />
          <div className="flex flex-wrap items-center gap-2">
            {item.status}
            {item.badge}
            <span className="text-xs text-slate-500 tabular-nums">{item.when}</span>
          </div>
          <p className="mt-1 text-xs text-slate-600">{item.actor}</p>
          {item.reason ? <p className="mt-1 text-sm font-medium text-slate-800">{item.reason}</p> : null}
          {item.note ? <p className="mt-1 text-sm whitespace-pre-line break-words text-slate-700">{item.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
