import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { resolveLegalStatus } from "@/lib/directory/legal-status";
import { channelSelect, withChannelFacts } from "./channel-facts";
import { checkPlacement, rulesInForce } from "./check-rules";
import { loadPlatformRules } from "./platform-rules";

/** One placement with its history and the rules it breaks on its planned date (for the staff page). */
export async function getPlacement(ctx: TenantContext, id: string) {
  assertCan(ctx, "referrals:read");
  const placement = await ctx.db.placement.findFirst({
    where: { id },
    include: {
      brand: { select: { id: true, name: true } },
      referral: { select: { id: true, subjectName: true, partner: { select: { name: true } } } },
      optIn: { select: { id: true, name: true, opportunityId: true } },
      trackedLink: { select: { id: true, code: true } },
      transitions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      creator: { select: { legalStatus: true, partner: { select: { taxProfile: { select: { form: true } } } } } },
      monthStats: { orderBy: { month: "desc" }, take: 24 },
      ...channelSelect,
    },
  });
  if (!placement) throw new NotFoundError();
  const rules = await loadPlatformRules(ctx.db);
  const inForce = rulesInForce(rules, placement.audienceMarket, placement.platform, placement.plannedOn);
  // The channel's facts as the gate reads them (./channel-facts.ts), and the creator's legal status.
  const facts = withChannelFacts(placement);
  const violations = checkPlacement(rules, facts);
  const legalStatus = placement.creator ? resolveLegalStatus(placement.creator) : null;
  // Staff names for the history: members of this tenant only (a former member shows as such).
  const actorIds = [...new Set(placement.transitions.map((t) => t.actorUserId).filter((x): x is string => !!x))];
  const members = actorIds.length
    ? await ctx.db.membership.findMany({ where: { userId: { in: actorIds } }, select: { userId: true, user: { select: { name: true, email: true } } } })
    : [];
  const names = new Map(members.map((m) => [m.userId, m.user.name || m.user.email]));
  return { ...placement, facts, legalStatus, inForce, violations, actorName: (userId: string | null) => (userId ? (names.get(userId) ?? null) : null) };
}

export type PlacementDetail = Awaited<ReturnType<typeof getPlacement>>;
