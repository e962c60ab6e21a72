import type { ReferralStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/errors";
import { rejectReasons, type DealCurrency, type RejectReason } from "./codes";

export type Actor = "partner" | "staff";

/**
 * Every legal move of a referral, and who may make it. Anything not listed here is illegal.
 * draft → submitted is the partner's; everything after it is staff work.
 */
export const transitions: Readonly<Record<ReferralStatus, Partial<Record<ReferralStatus, Actor>>>> = {
  draft: { submitted: "partner" },
  submitted: { in_review: "staff", rejected: "staff" },
  in_review: { qualified: "staff", rejected: "staff" },
  qualified: { in_negotiation: "staff", lost: "staff" },
  in_negotiation: { won: "staff", lost: "staff" },
  // Re-opening a won deal (it fell through, or was won by mistake): its close and revenue are reversed.
  won: { in_negotiation: "staff" },
  lost: {},
  rejected: {},
};

export function nextStatuses(from: ReferralStatus, actor: Actor): ReferralStatus[] {
  return (Object.entries(transitions[from]) as [ReferralStatus, Actor][]).filter(([, who]) => who === actor).map(([to]) => to);
}

export function isLegal(from: ReferralStatus, to: ReferralStatus, actor: Actor): boolean {
  return transitions[from][to] === actor;
}

/** What a move may carry. Which fields are required depends on the target status. */
export type TransitionInput = {
  to: ReferralStatus;
  /** Free-text note; for `lost` it is the required reason. */
  note?: string | null;
  /** Hidden from the partner. Defaults to true: staff notes are candid unless shared on purpose. */
  internal?: boolean;
  rejectReason?: RejectReason | null;
  dealValueMinor?: bigint | null;
  dealCurrency?: DealCurrency | null;
  /** The day the deal closed (UTC). */
  closedOn?: Date | null;
};

/** The fields of the referral row a legal move sets, besides its status. */
export type TransitionEffect = {
  note: string | null;
  rejectReason?: RejectReason;
  lostReason?: string;
  dealValueMinor?: bigint;
  dealCurrency?: DealCurrency;
  closedAt?: Date;
  qualifiedAt?: Date;
  submittedAt?: Date;
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * Checks a move and its required inputs; returns what it changes or throws a DomainError whose
 * code names the problem. Pure: `now` is passed in so the rules are testable.
 */
export function planTransition(from: ReferralStatus, input: TransitionInput, actor: Actor, now: Date): TransitionEffect {
  if (!isLegal(from, input.to, actor)) throw new DomainError("referral_transition_invalid");
  const note = input.note?.trim() || null;
  switch (input.to) {
    case "submitted":
      return { note, submittedAt: now };
    case "qualified":
      return { note, qualifiedAt: now };
    case "rejected":
      if (!input.rejectReason || !rejectReasons.includes(input.rejectReason)) throw new DomainError("reject_reason_required");
      return { note, rejectReason: input.rejectReason, closedAt: now };
    case "lost":
      if (!note) throw new DomainError("lost_reason_required");
      return { note, lostReason: note, closedAt: now };
    case "won": {
      if (input.dealValueMinor == null || input.dealValueMinor <= 0n) throw new DomainError("deal_value_required");
      if (!input.dealCurrency) throw new DomainError("deal_currency_required");
      if (!input.closedOn) throw new DomainError("close_date_required");
      // A day of slack: "today" in Vladivostok is still tomorrow in UTC.
      if (input.closedOn.getTime() > now.getTime() + DAY) throw new DomainError("close_date_future");
      return { note, dealValueMinor: input.dealValueMinor, dealCurrency: input.dealCurrency, closedAt: input.closedOn };
    }
    default:
      return { note };
  }
}

/** Statuses the partner is told about by e-mail (their own submission needs no e-mail). */
export function notifiesPartner(to: ReferralStatus): boolean {
  return to !== "draft" && to !== "submitted";
}
