// The partner's view of referrals. Be careful here: a partner sees only their own referrals and
// never who else referred a subject, staff names, internal notes or deal values. Every query
// filters by ctx.partnerId and selects only partner-safe fields.
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/kernel/errors";
import type { MyReferralsQuery } from "./list-query";
import { storedPlatforms } from "./subject-keys";
import { decodeReason } from "./transition-reason";

export const MY_PAGE_SIZE = 25;

const summary = {
  id: true, kind: true, subjectName: true, status: true, sourceMarket: true, targetMarket: true,
  createdAt: true, submittedAt: true, updatedAt: true, program: { select: { name: true } },
} as const;

export async function listMyReferrals(ctx: PartnerContext, query: MyReferralsQuery) {
  const where = { partnerId: ctx.partnerId, ...(query.status ? { status: query.status } : {}) };
  const [items, total] = await Promise.all([
    ctx.db.referral.findMany({
      where,
      select: summary,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * MY_PAGE_SIZE,
      take: MY_PAGE_SIZE,
    }),
    ctx.db.referral.count({ where }),
  ]);
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / MY_PAGE_SIZE)) };
}

/** How many of the partner's own referrals are in each status (drafts included). */
export async function myReferralCounts(ctx: PartnerContext): Promise<Partial<Record<ReferralStatus, number>>> {
  const rows = await ctx.db.referral.groupBy({ by: ["status"], where: { partnerId: ctx.partnerId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

export type PartnerHistoryActor = "you" | "agency" | "system";

/** One of the partner's own referrals; another partner's id is "not found", like a missing one. */
export async function getMyReferral(ctx: PartnerContext, id: string) {
  const referral = await ctx.db.referral.findFirst({
    where: { id, partnerId: ctx.partnerId },
    select: {
      ...summary,
      programId: true, opportunityId: true, mechanic: true, country: true, website: true, platforms: true, contactName: true, contactChannel: true, contactValue: true,
      relationship: true, fitReason: true, consentToIntro: true, rejectReason: true, duplicateReason: true,
      transitions: { select: { id: true, createdAt: true, fromStatus: true, toStatus: true, actorUserId: true, reason: true, internal: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!referral) throw new NotFoundError();
  const { transitions, duplicateReason, rejectReason, ...rest } = referral;
  // A pool referral came from the brand's or creator's own opt-in: its contact details and pitch
  // are the applicant's personal data, shared with the agency, not with the credited partner.
  const own = referral.mechanic !== "pool";
  // An overridden duplicate is back in the pipeline: only a current duplicate rejection counts.
  const knownToAgency = rejectReason === "duplicate" || (referral.status === "rejected" && duplicateReason !== null);
  return {
    ...rest,
    contactName: own ? rest.contactName : null,
    contactChannel: own ? rest.contactChannel : null,
    contactValue: own ? rest.contactValue : null,
    fitReason: own ? rest.fitReason : null,
    platforms: storedPlatforms(referral.platforms),
    // Which way it is known (an earlier referral or a client) is the agency's business.
    knownToAgency,
    rejectReason: knownToAgency ? "duplicate" : rejectReason,
    history: transitions.map((t) => {
      const { code, note } = decodeReason(t.toStatus, t.reason);
      const actor: PartnerHistoryActor = t.actorUserId === ctx.userId ? "you" : t.actorUserId ? "agency" : "system";
      return { id: t.id, at: t.createdAt, from: t.fromStatus, to: t.toStatus, actor, code, note: t.internal ? null : note };
    }),
  };
}
export type MyReferral = Awaited<ReturnType<typeof getMyReferral>>;

/** Programs the partner may submit a direct referral to. */
export async function openPrograms(ctx: PartnerContext) {
  const enrolments = await ctx.db.programPartner.findMany({
    where: { partnerId: ctx.partnerId, program: { archivedAt: null, mode: { in: ["direct", "both"] } } },
    select: { program: { select: { id: true, name: true, markets: true, protectionWindowDays: true } } },
    orderBy: { createdAt: "asc" },
  });
  return enrolments.map((e) => e.program);
}
