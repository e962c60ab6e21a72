import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { channelSelect, withChannelFacts } from "./channel-facts";
import { checkPlacement, type RuleRow } from "./check-rules";
import { loadPlatformRules } from "./platform-rules";
import { planPlacementMove, type PlacementMoveInput } from "./state-machine";

/** Approval refused: the placement breaks rules in force on its planned date (listed for the UI). */
export class PlacementRuleError extends DomainError {
  constructor(readonly rules: readonly RuleRow[]) {
    super("placement_rule_blocks");
  }
}

/**
 * Moves a placement one step, in one transaction: re-read, check the move and its inputs, and for
 * `approved_to_publish` check the ad rules in force on the planned date (./check-rules.ts); update
 * only if the status is still the one read (of two concurrent moves exactly one applies), record the
 * step with who and when, audit.
 */
export async function transitionPlacement(ctx: TenantContext, id: string, input: PlacementMoveInput) {
  assertCan(ctx, "referrals:write");
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.placement.findFirst({ where: { id }, include: channelSelect });
    if (!current) throw new NotFoundError();
    const effect = planPlacementMove(current.status, input, now);
    if (input.to === "approved_to_publish") {
      const blocking = checkPlacement(await loadPlatformRules(tx), withChannelFacts(current)).filter((v) => v.blocking);
      if (blocking.length) throw new PlacementRuleError(blocking.map((v) => v.rule));
    }
    const { count } = await tx.placement.updateMany({
      where: { id, status: current.status },
      data: {
        status: input.to,
        ...(input.to === "published" ? { postUrl: effect.postUrl, publishedOn: effect.publishedOn, proofUrl: effect.proofUrl } : {}),
      },
    });
    if (count === 0) throw new DomainError("placement_changed");
    await tx.placementTransition.create({
      data: { tenantId: ctx.tenantId, placementId: id, fromStatus: current.status, toStatus: input.to, actorUserId: ctx.userId, note: effect.note, createdAt: now },
    });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "placement.transitioned", entityType: "Placement", entityId: id, data: { from: current.status, to: input.to },
    });
    return { id, from: current.status, to: input.to };
  });
}
