import type { OpportunityStatus } from "@/lib/db/generated/enums";

// draft → open → closed | filled; a closed or filled opportunity can be reopened. Nothing goes
// back to draft: once the board has shown it, people may hold its link.
const next: Record<OpportunityStatus, readonly OpportunityStatus[]> = {
  draft: ["open"],
  open: ["closed", "filled"],
  closed: ["open"],
  filled: ["open"],
};

export function nextOpportunityStatuses(from: OpportunityStatus): readonly OpportunityStatus[] {
  return next[from] ?? [];
}

export function canMoveOpportunity(from: OpportunityStatus, to: OpportunityStatus): boolean {
  return nextOpportunityStatuses(from).includes(to);
}
