// Sanctions screening of partners against the tenant's latest SDN list, by name (partner name,
// legal name, payee name; the payee's bank against entities) and by region.
//
// Decision: an automated screening never decides "blocked" from a name alone. Names collide
// (there are many Sergei Ivanovs), so any name or bank hit is a `possible_match` that holds payouts
// until a staff member reviews it. Only a region the payee gave us (Crimea, Sevastopol, the
// so-called DNR/LNR) blocks automatically, and only editing that region (then re-screening) lifts it.
// A staff decision on a match (false positive / block) is kept on later re-screens as long as the
// matches are the ones that were reviewed; a new match goes back to review.
import type { Prisma } from "@/lib/db/generated/client";
import type { ScreeningStatus } from "@/lib/db/generated/enums";
import { auditIn, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { buildIndex, matchName, type NameIndex, type NameMatch } from "./match";
import { blockedRegionIn } from "./regions";
import { notifySanctionsMatch } from "@/lib/notifications/producers";

type Db = TenantDb | TenantTx;

export const screeningReasons = [
  "no_list", "no_match", "name_match", "bank_match", "region_blocked",
  "false_positive", "staff_blocked", "false_positive_kept", "staff_blocked_kept",
] as const;
export type ScreeningReason = (typeof screeningReasons)[number];

/** A hit: a list entry (uid, name, score) or, for field "region", the address text that is blocked. */
export type ScreeningMatch = Omit<NameMatch, "field"> & { field: NameMatch["field"] | "region" };
export type ScreeningResult = { status: ScreeningStatus; reason: ScreeningReason; matches: ScreeningMatch[] };

/** What is screened about one partner. */
export type ScreeningSubject = {
  name: string;
  profile: { legalName: string; region: string | null; address: string | null } | null;
  method: { payeeName: string | null; bankName: string | null; details: string | null } | null;
};
/** The last staff decision on a partner's matches, carried over to re-screens. */
export type PriorDecision = { status: ScreeningStatus; reason: string; matches: unknown } | null;

const decisionReasons = new Set(["false_positive", "staff_blocked", "false_positive_kept", "staff_blocked_kept"]);

function matchUids(matches: unknown): Set<string> {
  return new Set(Array.isArray(matches) ? matches.flatMap((m) => (m && typeof m === "object" && "uid" in m ? [String(m.uid)] : [])) : []);
}

/** Pure: the screening outcome for a subject against an index (null = no list imported yet). */
export function evaluateSubject(index: NameIndex | null, subject: ScreeningSubject, prior: PriorDecision): ScreeningResult {
  const matches: ScreeningMatch[] = index
    ? [
        ...matchName(index, subject.name, "name"),
        ...matchName(index, subject.profile?.legalName, "legalName"),
        ...matchName(index, subject.method?.payeeName, "payeeName"),
        ...matchName(index, subject.method?.bankName, "bankName", { entitiesOnly: true }),
      ]
    : [];
  // The same entry found through several fields is reported once, under its best field.
  const byUid = new Map<string, ScreeningMatch>();
  for (const m of matches) if ((byUid.get(m.uid)?.score ?? -1) < m.score) byUid.set(m.uid, m);
  const unique = [...byUid.values()].sort((a, b) => b.score - a.score);
  const region = blockedRegionIn(subject.profile?.region, subject.profile?.address, subject.method?.details);
  if (region) return { status: "blocked", reason: "region_blocked", matches: [{ uid: "region", name: region, score: 1, field: "region" }, ...unique] };
  if (!index) return { status: "clear", reason: "no_list", matches: [] };
  if (unique.length === 0) return { status: "clear", reason: "no_match", matches: [] };
  if (prior && decisionReasons.has(prior.reason)) {
    const reviewed = matchUids(prior.matches);
    if (unique.every((m) => reviewed.has(m.uid))) {
      return prior.status === "blocked"
        ? { status: "blocked", reason: "staff_blocked_kept", matches: unique }
        : { status: "clear", reason: "false_positive_kept", matches: unique };
    }
  }
  return { status: "possible_match", reason: unique.every((m) => m.field === "bankName") ? "bank_match" : "name_match", matches: unique };
}

// Lists never change after import, so one built index per list can be reused across requests.
// Keyed by list id (a cuid read through the tenant-scoped client), so tenants never share one.
const indexCache = new Map<string, NameIndex>();

async function activeIndex(db: Db): Promise<{ listId: string | null; index: NameIndex | null }> {
  const list = await db.sanctionsList.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!list) return { listId: null, index: null };
  let index = indexCache.get(list.id);
  if (!index) {
    const entries = await db.sanctionsEntry.findMany({ where: { listId: list.id }, select: { uid: true, name: true, normalizedName: true, entryType: true } });
    index = buildIndex(entries);
    if (indexCache.size >= 4) indexCache.delete(indexCache.keys().next().value!);
    indexCache.set(list.id, index);
  }
  return { listId: list.id, index };
}

const subjectSelect = {
  id: true,
  name: true,
  taxProfile: { select: { legalName: true, region: true, address: true } },
  payoutMethod: { select: { payeeName: true, bankName: true, details: true } },
} as const;

async function priorDecisions(db: Db, partnerIds: string[]): Promise<Map<string, PriorDecision>> {
  const latest = await db.screening.findMany({
    where: { partnerId: { in: partnerIds } },
    orderBy: [{ partnerId: "asc" }, { createdAt: "desc" }],
    distinct: ["partnerId"],
    select: { partnerId: true, status: true, reason: true, matches: true },
  });
  return new Map(latest.map((s) => [s.partnerId, s]));
}

/** Screens one partner now and records the result as a new Screening row. */
export async function screenPartner(db: Db, tenantId: string, partnerId: string, actorUserId: string | null) {
  const partner = await db.partner.findFirst({ where: { id: partnerId }, select: subjectSelect });
  if (!partner) throw new NotFoundError();
  const [{ listId, index }, prior] = await Promise.all([activeIndex(db), priorDecisions(db, [partnerId])]);
  const result = evaluateSubject(index, { name: partner.name, profile: partner.taxProfile, method: partner.payoutMethod }, prior.get(partnerId) ?? null);
  const screening = await db.screening.create({
    data: { tenantId, partnerId, listId, status: result.status, reason: result.reason, matches: result.matches as Prisma.InputJsonValue, screenedById: actorUserId },
  });
  await notifySanctionsMatch(db, tenantId, screening);
  return screening;
}

export type ScreenAllSummary = { screened: number; clear: number; possible_match: number; blocked: number };

/**
 * Screens every active partner against the latest list in one pass (the list is loaded and indexed
 * once), as `actorUserId` (null: the daily compliance:sdn-fetch job). No permission check: callers check.
 */
export async function screenActivePartners(db: Db, tenantId: string, actorUserId: string | null): Promise<ScreenAllSummary & { listId: string | null }> {
  const [{ listId, index }, partners] = await Promise.all([
    activeIndex(db),
    db.partner.findMany({ where: { status: "active" }, select: subjectSelect, orderBy: { id: "asc" } }),
  ]);
  const summary: ScreenAllSummary = { screened: 0, clear: 0, possible_match: 0, blocked: 0 };
  const CHUNK = 1000;
  for (let start = 0; start < partners.length; start += CHUNK) {
    const chunk = partners.slice(start, start + CHUNK);
    const prior = await priorDecisions(db, chunk.map((p) => p.id));
    const rows = chunk.map((p) => {
      const result = evaluateSubject(index, { name: p.name, profile: p.taxProfile, method: p.payoutMethod }, prior.get(p.id) ?? null);
      summary[result.status]++;
      return { tenantId, partnerId: p.id, listId, status: result.status, reason: result.reason, matches: result.matches as Prisma.InputJsonValue, screenedById: actorUserId };
    });
    await db.screening.createMany({ data: rows });
    for (const row of rows) await notifySanctionsMatch(db, tenantId, row);
    summary.screened += rows.length;
  }
  return { ...summary, listId };
}

/** Staff's "Screen all partners" (and the upload): every active partner against the latest list, audited. */
export async function screenAll(ctx: TenantContext): Promise<ScreenAllSummary> {
  assertCan(ctx, "payouts:manage");
  const { listId, ...summary } = await screenActivePartners(ctx.db, ctx.tenantId, ctx.userId);
  await recordAudit(ctx, { action: "compliance.screened_all", entityType: "SanctionsList", entityId: listId ?? undefined, data: summary });
  return summary;
}

export type ReviewDecision = "clear" | "block";

/**
 * A staff decision on the partner's latest screening: "clear" (false positive) or "block", with a
 * note. Recorded as a new Screening row by this staff member and audited. A region block cannot be
 * reviewed away: the payee's region has to change first.
 */
export async function reviewScreening(ctx: TenantContext, screeningId: string, input: { decision: ReviewDecision; note: string }) {
  assertCan(ctx, "payouts:manage");
  return ctx.db.$transaction(async (tx) => {
    const screening = await tx.screening.findFirst({ where: { id: screeningId } });
    if (!screening) throw new NotFoundError();
    const latest = await tx.screening.findFirst({ where: { partnerId: screening.partnerId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    const list = await tx.sanctionsList.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
    // A decision is recorded as a new screening, which the payout gate trusts if it is newer than the
    // latest list — so only a result against that list may be decided, never an older one.
    if (latest?.id !== screening.id || (screening.listId && screening.listId !== list?.id)) throw new DomainError("compliance.screening_outdated");
    if (screening.reason === "region_blocked") throw new DomainError("compliance.region_block_final");
    if (!matchUids(screening.matches).size) throw new DomainError("compliance.nothing_to_review");
    const status: ScreeningStatus = input.decision === "clear" ? "clear" : "blocked";
    const created = await tx.screening.create({
      data: {
        tenantId: ctx.tenantId, partnerId: screening.partnerId, listId: screening.listId, status,
        reason: input.decision === "clear" ? "false_positive" : "staff_blocked",
        matches: screening.matches as Prisma.InputJsonValue, screenedById: ctx.userId,
      },
    });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: `compliance.screening_${input.decision === "clear" ? "cleared" : "blocked"}`, entityType: "Screening", entityId: created.id,
      data: { partnerId: screening.partnerId, reviewedScreeningId: screening.id, from: screening.status, to: status, note: input.note },
    });
    return created;
  });
}
