import type { PartnerStatus } from "@/lib/db/generated/enums";

export const partnerStatuses = ["applied", "invited", "active", "suspended", "declined", "removed"] as const satisfies readonly PartnerStatus[];
export const partnerActions = ["approve", "decline", "suspend", "reactivate", "remove"] as const;
export type PartnerAction = (typeof partnerActions)[number];

type Rule = { from: readonly PartnerStatus[]; to: PartnerStatus; reasonRequired: boolean; audit: string };

/**
 * Every status change staff can make. invited → active is missing on purpose: only the partner
 * accepting their invite does that. Nothing leaves "removed"; removing keeps the row and history.
 */
export const partnerTransitions: Record<PartnerAction, Rule> = {
  approve: { from: ["applied"], to: "active", reasonRequired: false, audit: "partner.approved" },
  decline: { from: ["applied"], to: "declined", reasonRequired: true, audit: "partner.declined" },
  suspend: { from: ["active"], to: "suspended", reasonRequired: true, audit: "partner.suspended" },
  reactivate: { from: ["suspended"], to: "active", reasonRequired: false, audit: "partner.reactivated" },
  remove: { from: ["applied", "invited", "active", "suspended", "declined"], to: "removed", reasonRequired: true, audit: "partner.removed" },
};

export function canTransition(status: PartnerStatus, action: PartnerAction): boolean {
  return partnerTransitions[action].from.includes(status);
}

/** The actions offered for a partner in `status`, in a sensible order for the page. */
export function availableActions(status: PartnerStatus): PartnerAction[] {
  return partnerActions.filter((action) => canTransition(status, action));
}

/** Statuses in which a partner may not (or no longer) use an invite link. */
export const closedStatuses: readonly PartnerStatus[] = ["suspended", "declined", "removed"];
