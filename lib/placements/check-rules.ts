// The ad-labelling gate (issue 17, part 2): which PlatformRule rows are in force for a placement on
// its planned date, and which of them the placement breaks. Pure, so every seeded rule is testable
// without a database; the UI renders each violation with its rule kind, platform and start date in
// the viewer's language (lib/placements/describe-rule.ts).
import type { Market, PlatformRuleKind } from "@/lib/db/generated/enums";

export type RuleRow = {
  id: string;
  key: string;
  audienceMarket: Market;
  platform: string | null;
  kind: PlatformRuleKind;
  threshold: number | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  warnOnly: boolean;
};

export type PlacementFacts = {
  audienceMarket: Market;
  platform: string;
  plannedOn: Date;
  channelSubscribers: number | null;
  rknRegistryNumber: string | null;
  erid: string | null;
  disclosureText: string | null;
};

export type Violation = { rule: RuleRow; blocking: boolean };

/** The kinds this gate checks; the others are data for later parts of issue 17 (shown, not enforced). */
export const gatingKinds: readonly PlatformRuleKind[] = ["banned", "erid_required", "registry_above_threshold", "disclosure_required"];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Rules of the placement's audience market and platform (or every platform) in force on `on` (a UTC day, ends inclusive). */
export function rulesInForce<R extends RuleRow>(rules: readonly R[], market: Market, platform: string, on: Date): R[] {
  const d = day(on);
  return rules.filter((r) =>
    r.audienceMarket === market && (r.platform === null || r.platform === platform)
    && day(r.effectiveFrom) <= d && (r.effectiveTo === null || d <= day(r.effectiveTo)));
}

/** Whether the placement breaks `rule` (assumed in force). Rules that gate nothing here return false. */
export function breaks(rule: RuleRow, p: PlacementFacts): boolean {
  switch (rule.kind) {
    case "banned":
      return true;
    case "erid_required":
      return !p.erid?.trim();
    case "registry_above_threshold":
      // A channel of unknown size is not assumed small: the staff must enter its subscriber count.
      return (p.channelSubscribers === null || p.channelSubscribers > (rule.threshold ?? 10_000)) && !p.rknRegistryNumber?.trim();
    case "disclosure_required":
      return !p.disclosureText?.trim();
    // The label line and the statistics deadline are parts 4 and 6 of issue 17: not gates here.
    case "label_required":
    case "statistics_deadline":
      return false;
  }
}

/** Every rule in force on the planned date that the placement breaks; `blocking` unless the rule only warns. */
export function checkPlacement<R extends RuleRow>(rules: readonly R[], p: PlacementFacts): (Violation & { rule: R })[] {
  return rulesInForce(rules, p.audienceMarket, p.platform, p.plannedOn)
    .filter((rule) => breaks(rule, p))
    .map((rule) => ({ rule, blocking: !rule.warnOnly }));
}
