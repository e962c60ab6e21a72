// One function per event, each called with one line from the place the event happens, inside its
// transaction. Each loads what the item shows and calls notifyStaff with the event's dedupe key.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { notifyStaff } from "./notify-staff";

type Db = TenantTx | TenantDb;

/** A partner submitted a referral (portal). Duplicates, rejected at once by the system, need nobody. */
export async function notifyReferralSubmitted(db: Db, tenantId: string, referralId: string): Promise<void> {
  const referral = await db.referral.findFirst({
    where: { id: referralId, status: "submitted" },
    select: { subjectName: true, partner: { select: { name: true } } },
  });
  if (!referral) return;
  await notifyStaff(db, {
    tenantId, kind: "referral_submitted", dedupeKey: `referral_submitted:${referralId}`,
    params: { referralId, subjectName: referral.subjectName, partnerName: referral.partner?.name ?? "" },
  });
}

/** Someone opted in to an opportunity on the public board. */
export async function notifyOptInReceived(db: Db, tenantId: string, optInId: string): Promise<void> {
  const optIn = await db.optIn.findFirst({ where: { id: optInId }, select: { name: true, opportunityId: true, opportunity: { select: { titleEn: true, titleRu: true } } } });
  if (!optIn) return;
  await notifyStaff(db, {
    tenantId, kind: "opt_in_received", dedupeKey: `opt_in_received:${optInId}`,
    params: { optInId, opportunityId: optIn.opportunityId, name: optIn.name, titleEn: optIn.opportunity.titleEn, titleRu: optIn.opportunity.titleRu },
  });
}

/** A payout run was created with payouts the compliance gate held (tax profile, sanctions, details). */
export async function notifyPayoutsHeld(db: Db, tenantId: string, runId: string): Promise<void> {
  const run = await db.payoutRun.findFirst({ where: { id: runId }, select: { number: true, createdById: true } });
  if (!run) return;
  const held = await db.payout.count({ where: { runId, status: "held" } });
  if (held === 0) return;
  await notifyStaff(db, {
    tenantId, kind: "payouts_held", dedupeKey: `payouts_held:${runId}`,
    params: { runId, runNumber: run.number, held },
  });
}

/**
 * A screening found a possible sanctions match. Keyed by partner, list and the matched entries: a
 * daily re-screen that finds the same matches tells nobody again; a new match does.
 */
export async function notifySanctionsMatch(db: Db, tenantId: string, screening: { partnerId: string; listId: string | null; status: string; matches: unknown }): Promise<void> {
  if (screening.status !== "possible_match") return;
  const partner = await db.partner.findFirst({ where: { id: screening.partnerId }, select: { name: true } });
  if (!partner) return;
  const uids = Array.isArray(screening.matches)
    ? screening.matches.map((m) => (m && typeof m === "object" && "uid" in m ? String(m.uid) : "")).filter(Boolean).sort()
    : [];
  await notifyStaff(db, {
    tenantId, kind: "sanctions_possible_match", dedupeKey: `sanctions_possible_match:${screening.partnerId}:${screening.listId ?? "none"}:${uids.join(",")}`,
    params: { partnerId: screening.partnerId, partnerName: partner.name },
  });
}

/** A payout failed: Stripe refused or reversed it, or the bank rejected its registry line. */
export async function notifyPayoutFailed(db: Db, tenantId: string, payoutId: string): Promise<void> {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, status: "failed" },
    select: { runId: true, run: { select: { number: true } }, partner: { select: { name: true } } },
  });
  if (!payout) return;
  await notifyStaff(db, {
    tenantId, kind: "payout_failed", dedupeKey: `payout_failed:${payoutId}`,
    params: { payoutId, runId: payout.runId, runNumber: payout.run.number, partnerName: payout.partner.name },
  });
}

/** A risk rule opened a case against a partner (lib/risk/hold.ts): commissions wait for staff. */
export async function notifyRiskCaseOpened(db: Db, tenantId: string, riskCase: { caseId: string; partnerId: string; held: number }): Promise<void> {
  const partner = await db.partner.findFirst({ where: { id: riskCase.partnerId }, select: { name: true } });
  if (!partner) return;
  await notifyStaff(db, {
    tenantId, kind: "risk_case_opened", dedupeKey: `risk_case_opened:${riskCase.caseId}`,
    params: { caseId: riskCase.caseId, partnerId: riskCase.partnerId, partnerName: partner.name, held: riskCase.held },
  });
}
