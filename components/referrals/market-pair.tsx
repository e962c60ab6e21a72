import { Badge } from "@/components/ui/card";

/** "RU → US", plus a "cross-market" mark when the two differ (derived, never stored). */
export function MarketPair({ source, target, crossLabel, title }: { source: string; target: string; crossLabel?: string; title?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" title={title}>
      <Badge tone="slate">
        <span className="tabular-nums">{source}</span>
        <span aria-hidden="true" className="mx-1 text-slate-400">→</span>
        <span className="sr-only"> → </span>
        <span className="tabular-nums">{target}</span>
      </Badge>
      {crossLabel && source !== target ? <Badge tone="indigo">{crossLabel}</Badge> : null}
    </span>
  );
}
