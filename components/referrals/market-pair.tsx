import { Badge } from "@/components/ui/card";

/** "RU → US", plus a "cross-market" mark when the two differ (derived, never stored). */
export function MarketPair({ source, target, crossLabel, title }: { source: string; target: string; crossLabel?: string; title?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" title={title}>
      <Badge tone="slate">
        <span className="whitespace-nowrap tabular-nums">{`${source} → ${target}`}</span>
      </Badge>
      {crossLabel && source !== target ? <Badge tone="indigo">{crossLabel}</Badge> : null}
    </span>
  );
}
