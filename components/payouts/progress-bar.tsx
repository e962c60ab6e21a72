/** Execution progress of a run: processed of total payouts. */
export function ProgressBar({ processed, total, label }: { processed: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm text-slate-700"><span>{label}</span><span className="tabular-nums">{percent}%</span></div>
      <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={processed} aria-label={label}>
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
