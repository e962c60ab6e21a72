// What staff are notified of, once: each kind's parameters, who receives it and where it links.
// Title and text are not stored: they are built when shown (./render.ts) from the kind and its
// parameters, in the reader's language (locales/*/notifications.json, "kinds.<kind>").
import type { Permission } from "@/lib/auth/permissions";

export type NotificationParams = {
  referral_submitted: { referralId: string; subjectName: string; partnerName: string };
  opt_in_received: { optInId: string; opportunityId: string; name: string; titleEn: string | null; titleRu: string | null };
  referral_waiting: { referralId: string; subjectName: string; status: string; days: number };
  payouts_held: { runId: string; runNumber: number; held: number };
  sanctions_possible_match: { partnerId: string; partnerName: string };
  payout_failed: { payoutId: string; runId: string; runNumber: number; partnerName: string };
  webhook_failing: { endpointUrl: string; failures: number };
  risk_case_opened: { caseId: string; partnerId: string; partnerName: string; held: number };
  placement_unlabelled: { placementId: string; linkCode: string; brandName: string; creatorName: string };
  message_reply: { messageId: string; partnerName: string; subjectEn: string | null; subjectRu: string | null };
  statistics_due: { month: string; dueOn: string; unsent: number };
};
export type NotificationKind = keyof NotificationParams;

export const notificationKinds = [
  "referral_submitted", "opt_in_received", "referral_waiting", "payouts_held", "sanctions_possible_match", "payout_failed", "webhook_failing", "risk_case_opened",
  "placement_unlabelled", "message_reply",
  "statistics_due",
] as const satisfies readonly NotificationKind[];

/**
 * Who receives a kind: the staff whose role may ACT on it (lib/auth/permissions.ts). Reading is
 * every role's, so "may read" would also alert analysts, who cannot do anything about a held payout;
 * "needs attention" goes to the people who can attend to it (decision in docs/decisions.md).
 */
export const audienceOf: Record<NotificationKind, Permission> = {
  referral_submitted: "referrals:write",
  opt_in_received: "opportunities:write",
  referral_waiting: "referrals:write",
  payouts_held: "payouts:manage",
  sanctions_possible_match: "payouts:manage",
  payout_failed: "payouts:manage",
  webhook_failing: "integrations:manage",
  // The risk queue's clear/confirm are open to those who manage payouts (lib/risk/actions.ts).
  risk_case_opened: "payouts:manage",
  // Getting the erid (or pausing the link) is placement work.
  placement_unlabelled: "referrals:write",
  // Those who may write to partners (lib/messages) may answer.
  message_reply: "partners:write",
  // Those who move placements and enter their statistics (lib/placements/actions.ts).
  statistics_due: "referrals:write",
};

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind);
}

/** The page an item links to, below the tenant's staff base (`/{locale}/t/{slug}`). */
export function notificationPath(kind: string, params: Record<string, unknown>): string {
  const id = (key: string) => encodeURIComponent(String(params[key] ?? ""));
  switch (kind) {
    case "referral_submitted":
    case "referral_waiting":
      return `referrals/${id("referralId")}`;
    case "opt_in_received":
      return `opportunities/${id("opportunityId")}/opt-ins`;
    case "payouts_held":
    case "payout_failed":
      return `payouts/${id("runId")}`;
    case "sanctions_possible_match":
      return "compliance";
    case "webhook_failing":
      return "settings/webhooks";
    case "risk_case_opened":
      return "risk";
    case "placement_unlabelled":
      return `placements/${id("placementId")}`;
    case "message_reply":
      return `messages/${id("messageId")}`;
    case "statistics_due":
      return `placements/report?month=${id("month")}`;
    default:
      return "notifications";
  }
}
