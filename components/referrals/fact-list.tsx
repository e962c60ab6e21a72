import type { ReactNode } from "react";

/** Label/value pairs in two columns on wide screens, one on phones; empty values show a dash. */
export function FactList({ facts }: { facts: { label: string; value: ReactNode; wide?: boolean }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
      {facts.map((f) => (
        <div key={f.label} className={f.wide ? "sm:col-span-2" : undefined}>
          <dt className="text-slate-500">{f.label}</dt>
          <dd className="mt-0.5 font-medium break-words whitespace-pre-line text-slate-900">{f.value === null || f.value === undefined || f.value === "" ? "—" : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
