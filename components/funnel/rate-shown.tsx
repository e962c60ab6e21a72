import type { RateTexts } from "./format";

/**
 * A rate as a tile, a table cell or an inline line. "—" always carries its reason: as a tooltip,
 * and as visible small text where there is room (tile, line; tables say it once in a note).
 */
export function RateShown({ texts, variant, shownCounts }: { texts: RateTexts; variant: "tile" | "cell" | "line"; /** The counts as shown in a narrow cell (soft hyphens); the tooltip keeps `texts.counts`. */ shownCounts?: string }) {
  const title = texts.reason ? `${texts.counts}. ${texts.reason}` : undefined;
  if (variant === "tile") {
    return (
      <>
        <p className="mt-1 text-2xl font-semibold tabular-nums" title={title}>{texts.value}</p>
        <p className="mt-1 text-xs tabular-nums text-slate-600">{texts.counts}</p>
        {texts.reason ? <p className="mt-0.5 text-xs text-slate-500">{texts.reason}</p> : null}
      </>
    );
  }
  if (variant === "cell") {
    return (
      <span title={title}>
        <span className="font-medium">{texts.value}</span>
        <span className="block whitespace-normal text-xs text-slate-500">{shownCounts ?? texts.counts}</span>
      </span>
    );
  }
  return (
    <span title={title}>
      <span className="font-semibold text-slate-900">{texts.value}</span> · {texts.counts}
      {texts.reason ? <span className="block text-slate-500">{texts.reason}</span> : null}
    </span>
  );
}
