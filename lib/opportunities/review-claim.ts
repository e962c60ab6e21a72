import type { OptInStatus } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import { DomainError } from "@/lib/kernel/errors";
import { reviewRules, type ReviewDecision } from "./review-status";

/**
 * Applies a review decision to the opt-in row only if its status is still one the decision may
 * be taken from. Of two staff members deciding at once (or one double-clicking "Accept"), exactly
 * one update matches; the other learns what happened instead of applying twice.
 */
export async function claimDecision(
  tx: TenantTx,
  optIn: { id: string; status: OptInStatus },
  decision: ReviewDecision,
  by: { userId: string; now: Date; note: string | null },
) {
  const rule = reviewRules[decision];
  if (!rule.from.includes(optIn.status)) throw refusal(optIn.status);
  const { count } = await tx.optIn.updateMany({
    where: { id: optIn.id, status: { in: [...rule.from] } },
    data: { status: rule.to, reviewedById: by.userId, reviewedAt: by.now, ...(by.note ? { decisionNote: by.note } : {}) },
  });
  if (count === 0) {
    const now = await tx.optIn.findFirst({ where: { id: optIn.id }, select: { status: true } });
    throw now?.status === "accepted" ? refusal("accepted") : new DomainError("opt_in_changed");
  }
  return rule.to;
}

function refusal(status: OptInStatus) {
  return new DomainError(status === "accepted" ? "opt_in_already_accepted" : "opt_in_decision_invalid");
}
