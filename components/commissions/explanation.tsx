import type { TFunction } from "i18next";
import { explanationLines } from "@/lib/commissions/explain";
import type { Locale } from "@/lib/i18n/settings";

/** The "why" of a figure, one sentence per step (rule, base, FX, percent or bounty, tier, cap). */
export function ExplanationList({ explanation, locale, t, compact = false }: { explanation: unknown; locale: Locale; t: TFunction; compact?: boolean }) {
  const lines = explanationLines(explanation, locale, t, compact);
  if (lines.length === 0) return null;
  return (
    <ul className={compact ? "space-y-0.5 text-xs text-slate-500" : "list-disc space-y-1 pl-5 text-sm text-slate-700"}>
      {lines.map((line, i) => <li key={i}>{line}</li>)}
    </ul>
  );
}
