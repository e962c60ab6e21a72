// Which group a partner belongs to in a program: now (enrolments) and at the time of an event (the
// commission job). A partner joins the program's default group; a move is recorded as a
// PartnerGroupMove, and the group of an event is the one the partner was in when it happened.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

type Db = TenantDb | TenantTx;

/** The default group of each of these programs (programs without groups are absent). */
export async function defaultGroupIds(db: Db, programIds: string[]): Promise<Map<string, string>> {
  if (programIds.length === 0) return new Map();
  const rows = await db.partnerGroup.findMany({ where: { programId: { in: programIds }, isDefault: true }, select: { id: true, programId: true } });
  return new Map(rows.map((r) => [r.programId, r.id]));
}

export type GroupTerms = { id: string; holdDays: number | null };
export type GroupAt = (partnerId: string, programId: string, at: Date) => GroupTerms | null;

const pairKey = (partnerId: string, programId: string) => `${partnerId}|${programId}`;

/**
 * Loads what is needed to answer "which group was this partner in, in this program, at this time"
 * for a batch of (partner, program) pairs, in three queries:
 * - the latest move at or before the time → its target group;
 * - else the first move after it → the group it moved from (null: the program had no groups yet);
 * - else (never moved) the current group of the enrolment (null: not enrolled, or no groups).
 */
export async function loadGroupAt(db: Db, pairs: { partnerId: string; programId: string }[]): Promise<GroupAt> {
  const partnerIds = [...new Set(pairs.map((p) => p.partnerId))];
  const programIds = [...new Set(pairs.map((p) => p.programId))];
  if (partnerIds.length === 0 || programIds.length === 0) return () => null;
  const [moves, enrolments, groups] = await Promise.all([
    db.partnerGroupMove.findMany({
      where: { partnerId: { in: partnerIds }, programId: { in: programIds } },
      orderBy: [{ movedAt: "asc" }, { id: "asc" }],
      select: { partnerId: true, programId: true, fromGroupId: true, toGroupId: true, movedAt: true },
    }),
    db.programPartner.findMany({ where: { partnerId: { in: partnerIds }, programId: { in: programIds } }, select: { partnerId: true, programId: true, groupId: true } }),
    db.partnerGroup.findMany({ where: { programId: { in: programIds } }, select: { id: true, holdDays: true } }),
  ]);
  const terms = new Map(groups.map((g) => [g.id, g]));
  const current = new Map(enrolments.map((e) => [pairKey(e.partnerId, e.programId), e.groupId]));
  const history = new Map<string, typeof moves>();
  for (const m of moves) {
    const k = pairKey(m.partnerId, m.programId);
    history.set(k, [...(history.get(k) ?? []), m]);
  }
  return (partnerId, programId, at) => {
    const k = pairKey(partnerId, programId);
    const list = history.get(k) ?? [];
    const before = list.filter((m) => m.movedAt.getTime() <= at.getTime()).at(-1);
    const after = list.find((m) => m.movedAt.getTime() > at.getTime());
    const id = before ? before.toGroupId : after ? after.fromGroupId : (current.get(k) ?? null);
    return id ? (terms.get(id) ?? null) : null;
  };
}
