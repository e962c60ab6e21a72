"use client";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/card";

/**
 * «Россия → США» / "Russia → United States", plus a "cross-market" mark when the two differ (derived,
 * never stored). Markets are shown by name (common:markets), the codes only in the tooltip; the names
 * may wrap at the arrow in a narrow column.
 */
export function MarketPair({ source, target, crossLabel, title }: { source: string; target: string; crossLabel?: string; title?: string }) {
  const { t } = useTranslation("common");
  const name = (market: string) => t(`common:markets.${market}`, { defaultValue: market });
  return (
    <span className="inline-flex flex-wrap items-center gap-1" title={title ?? `${source} → ${target}`}>
      <Badge tone="slate">
        <span>
          <span className="whitespace-nowrap">{name(source)}</span> → <span className="whitespace-nowrap">{name(target)}</span>
        </span>
      </Badge>
      {crossLabel && source !== target ? <Badge tone="indigo">{crossLabel}</Badge> : null}
    </span>
  );
}
