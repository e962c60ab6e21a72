// Which touch earns the credit when a visitor came through more than one partner: pure, so the
// rule is unit-tested apart from cookies and the database.
import type { AttributionModel } from "@/lib/db/generated/enums";
import { clickInsideWindow } from "./resolve-click";

export type AttributionCandidate = {
  partnerId: string;
  /** When the touch happened: the click time, or the share cookie's issue time. */
  at: Date;
  clickId?: string | null;
  source: "click" | "share";
};

/**
 * The candidate the program's model credits at `now`: the latest (last_click) or the earliest
 * (first_click) touch inside the window; null when none is inside it. On a tie in time a click
 * beats a share visit, because a click id lets the funnel follow the lead from its click.
 */
export function chooseAttribution(
  candidates: readonly AttributionCandidate[],
  model: AttributionModel,
  windowDays: number,
  now: Date,
): AttributionCandidate | null {
  const inside = candidates.filter((c) => clickInsideWindow(c.at, now, windowDays));
  if (inside.length === 0) return null;
  const sign = model === "first_click" ? 1 : -1;
  const sorted = [...inside].sort((a, b) => {
    const byTime = sign * (a.at.getTime() - b.at.getTime());
    if (byTime !== 0) return byTime;
    return (a.source === "click" ? 0 : 1) - (b.source === "click" ? 0 : 1);
  });
  return sorted[0];
}
