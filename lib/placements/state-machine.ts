import type { PlacementStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/kernel/errors";

export const placementStatuses = ["draft", "ready_to_label", "labelled", "approved_to_publish", "published", "reported"] as const satisfies readonly PlacementStatus[];

/**
 * Every legal move of a placement (staff only). Forward along the life of a post; back one step while
 * nothing is public yet (a creative sent back for changes, an approval withdrawn). Anything not listed
 * is refused. Approval is also gated by the ad rules in force on the planned date (./check-rules.ts).
 */
export const placementTransitions: Readonly<Record<PlacementStatus, readonly PlacementStatus[]>> = {
  draft: ["ready_to_label"],
  ready_to_label: ["labelled", "draft"],
  labelled: ["approved_to_publish", "ready_to_label"],
  approved_to_publish: ["published", "labelled"],
  published: ["reported"],
  reported: [],
};

export function nextPlacementStatuses(from: PlacementStatus): readonly PlacementStatus[] {
  return placementTransitions[from];
}

export function isLegalPlacementMove(from: PlacementStatus, to: PlacementStatus): boolean {
  return placementTransitions[from].includes(to);
}

/** What a move may carry; `published` requires the post's URL and date (the proof is optional). */
export type PlacementMoveInput = {
  to: PlacementStatus;
  note?: string | null;
  postUrl?: string | null;
  publishedOn?: Date | null;
  proofUrl?: string | null;
};

export type PlacementMoveEffect = { note: string | null; postUrl?: string; publishedOn?: Date; proofUrl?: string | null };

const DAY = 24 * 60 * 60 * 1000;

/** Checks the move and its inputs (pure; `now` passed in). Throws a DomainError naming the problem. */
export function planPlacementMove(from: PlacementStatus, input: PlacementMoveInput, now: Date): PlacementMoveEffect {
  if (!isLegalPlacementMove(from, input.to)) throw new DomainError("placement_transition_invalid");
  const note = input.note?.trim() || null;
  if (input.to !== "published") return { note };
  if (!input.postUrl) throw new DomainError("placement_post_url_required");
  if (!input.publishedOn) throw new DomainError("placement_published_on_required");
  // A day of slack, as for closes: "today" east of UTC is still tomorrow in UTC.
  if (input.publishedOn.getTime() > now.getTime() + DAY) throw new DomainError("placement_published_on_future");
  return { note, postUrl: input.postUrl, publishedOn: input.publishedOn, proofUrl: input.proofUrl ?? null };
}
