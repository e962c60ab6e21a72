import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { storedPlatforms } from "./subject-keys";
import { decodeReason } from "./transition-reason";

export type ActorLabel = { kind: "staff" | "partner" | "system" | "former"; name: string | null };

/** Names for the people in a history: staff of this tenant, its partners, or the system (null). */
export async function actorLabels(ctx: TenantContext, userIds: (string | null)[]): Promise<Map<string | null, ActorLabel>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  const [members, partners] = await Promise.all([
    ctx.db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } }),
    ctx.db.partner.findMany({ where: { userId: { in: ids } }, select: { userId: true, name: true } }),
  ]);
  const labels = new Map<string | null, ActorLabel>([[null, { kind: "system", name: null }]]);
  for (const id of ids) labels.set(id, { kind: "former", name: null });
  for (const p of partners) labels.set(p.userId, { kind: "partner", name: p.name });
  for (const m of members) labels.set(m.userId, { kind: "staff", name: m.user.name ?? m.user.email });
  return labels;
}

/** Everything staff see about one referral, with its full history (internal notes included). */
export async function getReferral(ctx: TenantContext, id: string) {
  assertCan(ctx, "referrals:read");
  const referral = await ctx.db.referral.findFirst({
    where: { id, status: { not: "draft" } },
    include: {
      program: { select: { id: true, name: true, protectionWindowDays: true } },
      partner: { select: { id: true, name: true, email: true, market: true } },
      brand: { select: { id: true, name: true, isClient: true } },
      creator: { select: { id: true, name: true, isClient: true } },
      duplicateOf: { select: { id: true, subjectName: true, status: true, submittedAt: true, partner: { select: { name: true } } } },
      duplicates: { select: { id: true, subjectName: true, status: true, submittedAt: true, partner: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      transitions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!referral) throw new NotFoundError();
  const labels = await actorLabels(ctx, referral.transitions.map((t) => t.actorUserId));
  return {
    ...referral,
    platforms: storedPlatforms(referral.platforms),
    history: referral.transitions.map((t) => ({
      id: t.id, at: t.createdAt, from: t.fromStatus, to: t.toStatus, internal: t.internal,
      actor: labels.get(t.actorUserId) ?? { kind: "former" as const, name: null },
      ...decodeReason(t.toStatus, t.reason),
    })),
  };
}
export type ReferralDetail = Awaited<ReturnType<typeof getReferral>>;
