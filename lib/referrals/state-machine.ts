import type { ReferralStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/kernel/errors";
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

/**
 * Shortcuts (issue 12, "fewer steps to close"): one staff action that walks several legal steps at
 * once. `via` are the stages skipped on the way; each is recorded in the referral's history with the
 * same actor and time, so the funnel counts them like steps made one by one. Winning straight from
 * review is only for a known client (`MoveContext.knownClient`, lib/referrals/known-client.ts).
 */
export const shortcuts: Readonly<Partial<Record<ReferralStatus, Partial<Record<ReferralStatus, { via: readonly ReferralStatus[]; knownClientOnly?: true }>>>>> = {
  qualified: { won: { via: ["in_negotiation"] } },
  in_review: { won: { via: ["qualified", "in_negotiation"], knownClientOnly: true } },
};

/** What a move's legality depends on besides the two statuses. */
export type MoveContext = {
  /** The referral's subject is already a client of the agency (lib/referrals/known-client.ts). */
  knownClient?: boolean;
};

/**
 * The steps a move takes, in order and ending with `to` (one step for a plain move, more for a
 * shortcut), or null when the move is illegal. Every step is itself a legal single move.
 */
export function stepsOf(from: ReferralStatus, to: ReferralStatus, actor: Actor, context: MoveContext = {}): ReferralStatus[] | null {
  if (transitions[from][to] === actor) return [to];
  const shortcut = shortcuts[from]?.[to];
  if (!shortcut || actor !== "staff" || (shortcut.knownClientOnly && !context.knownClient)) return null;
  return [...shortcut.via, to];
}

export function nextStatuses(from: ReferralStatus, actor: Actor, context: MoveContext = {}): ReferralStatus[] {
  const direct = (Object.entries(transitions[from]) as [ReferralStatus, Actor][]).filter(([, who]) => who === actor).map(([to]) => to);
  const fast = (Object.keys(shortcuts[from] ?? {}) as ReferralStatus[]).filter((to) => !direct.includes(to) && stepsOf(from, to, actor, context));
  return [...direct, ...fast];
}

/** The stages a shortcut skips (empty for a plain move or an illegal one). */
export function skippedStages(from: ReferralStatus, to: ReferralStatus, actor: Actor, context: MoveContext = {}): ReferralStatus[] {
  return stepsOf(from, to, actor, context)?.slice(0, -1) ?? [];
}

export function isLegal(from: ReferralStatus, to: ReferralStatus, actor: Actor, context: MoveContext = {}): boolean {
  return stepsOf(from, to, actor, context) !== null;
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
  /** Every step the move takes, ending with the target (more than one for a shortcut). */
  steps: ReferralStatus[];
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * Checks a move and its required inputs; returns what it changes or throws a DomainError whose
 * code names the problem. Pure: `now` is passed in so the rules are testable.
 */
export function planTransition(from: ReferralStatus, input: TransitionInput, actor: Actor, now: Date, context: MoveContext = {}): TransitionEffect {
  const steps = stepsOf(from, input.to, actor, context);
  if (!steps) {
    // Said precisely: the shortcut exists, only not for a subject that is not yet a client.
    if (shortcuts[from]?.[input.to]?.knownClientOnly && actor === "staff") throw new DomainError("referral_fast_win_known_client_only");
    throw new DomainError("referral_transition_invalid");
  }
  const effect = targetEffect(input, now);
  // A shortcut through `qualified` stamps the qualification, with the move's time.
  return { ...effect, ...(steps.includes("qualified") && input.to !== "qualified" ? { qualifiedAt: now } : {}), steps };
}

function targetEffect(input: TransitionInput, now: Date): Omit<TransitionEffect, "steps"> {
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
