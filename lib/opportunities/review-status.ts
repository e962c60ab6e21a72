import type { OptInStatus } from "@/lib/db/generated/enums";

export type ReviewDecision = "shortlist" | "unshortlist" | "accept" | "decline";
export const reviewDecisions = ["shortlist", "unshortlist", "accept", "decline"] as const satisfies readonly ReviewDecision[];

/**
 * What each review decision does to an opt-in, and from which statuses it may be taken. Accepted
 * and declined are final: the applicant has been told, and an accepted opt-in lives on as a
 * referral in the pipeline (where rejecting or overriding happens).
 */
export const reviewRules: Readonly<Record<ReviewDecision, { from: readonly OptInStatus[]; to: OptInStatus }>> = {
  shortlist: { from: ["new"], to: "shortlisted" },
  unshortlist: { from: ["shortlisted"], to: "new" },
  accept: { from: ["new", "shortlisted"], to: "accepted" },
  decline: { from: ["new", "shortlisted"], to: "declined" },
};

export function availableDecisions(status: OptInStatus): ReviewDecision[] {
  return reviewDecisions.filter((d) => reviewRules[d].from.includes(status));
}

export function isFinal(status: OptInStatus): boolean {
  return availableDecisions(status).length === 0;
}

export const optInStatuses = ["new", "shortlisted", "accepted", "declined"] as const satisfies readonly OptInStatus[];
