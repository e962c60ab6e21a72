import { bandWidths } from "@/lib/funnel/chart-shape";

const fills = { clicks: "bg-indigo-100", referrals: "bg-indigo-300", qualified: "bg-cyan-300", closes: "bg-emerald-300" } as const;

export type FunnelBand = { key: keyof typeof fills; name: string; value: number; shown: string };

/**
 * The funnel picture: one centred band per stage, its width proportional to the count (a zero is
 * the thinnest band, see bandWidths). Plain HTML, rendered on the server: no chart code to load.
 */
export function FunnelBands({ steps }: { steps: FunnelBand[] }) {
  const widths = bandWidths(steps.map((s) => s.value));
  return (
    <div className="space-y-1.5" aria-hidden="true">
      {steps.map((s, i) => (
        <div key={s.key}>
          <p className="flex justify-between text-xs text-slate-600">
            <span>{s.name}</span>
            <span className="font-semibold tabular-nums text-slate-900">{s.shown}</span>
          </p>
          <div className="flex h-8 justify-center rounded bg-slate-50">
            <div className={`h-full rounded ${fills[s.key]}`} style={{ width: `${(widths[i] * 100).toFixed(1)}%` }} />
          </div>
        </div>
      ))}
    </div>
  );
}
