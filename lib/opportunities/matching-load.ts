import { assertCan } from "@/lib/auth/permissions";
import type { OptInStatus, ReferralKind } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { handleIdentity, subjectKeys, websiteIdentity } from "@/lib/referrals/subject-keys";
import { optInKind } from "./codes";
import { rankMatches, type Match, type MatchCandidate } from "./matching";
import { getOpportunitySummary } from "./review";
import { optInPlatforms } from "./review-directory";

export const MATCH_LIMIT = 25;

type Touch = { invitedAt: Date | null; optIn: OptInStatus | null };
export type LoadedMatch = Match & { hasEmail: boolean; touch: Touch | null };

type DirectoryRow = MatchCandidate & { contactEmail: string | null; keys: string[] };

/**
 * Suggested matches for one opportunity: every live (not archived) directory record of the side
 * being sought, in this tenant only, scored by `rankMatches`. Records already in touch — invited
 * to this opportunity, or opted in to it (found by the referral an accepted opt-in became, or by
 * the same website, handle or e-mail) — are left out of the suggestions and listed apart.
 */
export async function loadMatches(ctx: TenantContext, opportunityId: string, limit = MATCH_LIMIT) {
  assertCan(ctx, "opportunities:read");
  const opportunity = await getOpportunitySummary(ctx, opportunityId);
  const kind = optInKind(opportunity.side);
  const [records, outcomes, invitations, optIns] = await Promise.all([
    kind === "creator" ? creators(ctx) : brands(ctx),
    outcomeCounts(ctx, kind),
    ctx.db.opportunityInvitation.findMany({ where: { opportunityId }, select: { brandId: true, creatorId: true, createdAt: true } }),
    ctx.db.optIn.findMany({
      where: { opportunityId, kind },
      select: { status: true, website: true, platforms: true, contactEmail: true, referral: { select: { brandId: true, creatorId: true } } },
    }),
  ]);
  const candidates = records.map((r) => ({ ...r, outcomes: outcomes.get(r.id) ?? { won: 0, lost: 0, rejected: 0 } }));

  const invitedAt = new Map(invitations.map((i) => [(kind === "creator" ? i.creatorId : i.brandId) ?? "", i.createdAt]));
  const optInByRecord = new Map<string, OptInStatus>();
  const optInByKey = new Map<string, OptInStatus>();
  for (const o of optIns) {
    const linked = kind === "creator" ? o.referral?.creatorId : o.referral?.brandId;
    if (linked) optInByRecord.set(linked, o.status);
    const keys = subjectKeys({ website: o.website, platforms: optInPlatforms(o.platforms), contactChannel: "email", contactValue: o.contactEmail });
    for (const key of keys) optInByKey.set(key, o.status);
  }
  const touchOf = (r: DirectoryRow): Touch | null => {
    const optIn = optInByRecord.get(r.id) ?? r.keys.map((k) => optInByKey.get(k)).find(Boolean) ?? null;
    const at = invitedAt.get(r.id) ?? null;
    return optIn || at ? { invitedAt: at, optIn } : null;
  };

  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked: LoadedMatch[] = rankMatches(opportunity, candidates).map((m) => {
    const record = byId.get(m.candidate.id)!;
    return { ...m, hasEmail: !!record.contactEmail, touch: touchOf(record) };
  });
  return {
    opportunity,
    kind,
    candidateCount: candidates.length,
    suggestions: ranked.filter((m) => !m.touch).slice(0, limit),
    inTouch: ranked.filter((m) => m.touch),
  };
}

const emailKey = (email: string | null) => (email?.includes("@") ? [`email:${email.trim().toLowerCase()}`] : []);

async function creators(ctx: TenantContext): Promise<Omit<DirectoryRow, "outcomes">[]> {
  const rows = await ctx.db.creator.findMany({
    where: { archivedAt: null },
    select: {
      id: true, name: true, market: true, niches: true, languages: true, isClient: true, contactEmail: true,
      platforms: { select: { platform: true, handleNormalized: true, audienceSize: true } },
    },
  });
  return rows.map((r) => ({
    ...r, kind: "creator" as const,
    keys: [...r.platforms.flatMap((p) => (handleIdentity(p.handleNormalized) ? [`${p.platform}:${handleIdentity(p.handleNormalized)}`] : [])), ...emailKey(r.contactEmail)],
  }));
}

async function brands(ctx: TenantContext): Promise<Omit<DirectoryRow, "outcomes">[]> {
  const rows = await ctx.db.brand.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, market: true, niches: true, languages: true, isClient: true, contactEmail: true, website: true, websiteNormalized: true },
  });
  return rows.map(({ website, websiteNormalized, ...r }) => {
    const web = websiteIdentity(website ?? websiteNormalized ?? "");
    return { ...r, kind: "brand" as const, platforms: [], keys: [...(web ? [`web:${web}`] : []), ...emailKey(r.contactEmail)] };
  });
}

/** Won, lost and rejected referrals per brand or creator; a duplicate rejection says nothing about the subject. */
async function outcomeCounts(ctx: TenantContext, kind: ReferralKind) {
  const rows = await ctx.db.referral.groupBy({
    by: [kind === "creator" ? "creatorId" : "brandId", "status"],
    where: {
      status: { in: ["won", "lost", "rejected"] },
      ...(kind === "creator" ? { creatorId: { not: null } } : { brandId: { not: null } }),
      OR: [{ rejectReason: null }, { rejectReason: { not: "duplicate" } }],
    },
    _count: { _all: true },
  });
  const counts = new Map<string, { won: number; lost: number; rejected: number }>();
  for (const row of rows) {
    const id = (kind === "creator" ? row.creatorId : row.brandId) as string;
    const entry = counts.get(id) ?? { won: 0, lost: 0, rejected: 0 };
    entry[row.status as "won" | "lost" | "rejected"] += row._count._all;
    counts.set(id, entry);
  }
  return counts;
}
