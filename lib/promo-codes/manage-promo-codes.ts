// Staff give partners promo codes and take them back (the partner's page). Each change is audited in
// its own transaction. A code is for one program the partner is enrolled in; its market pair is fixed
// then, like a program link's (partner's market → the other enabled market).
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { defaultTargetMarket } from "@/lib/links/create-link";
import { generatePromoCode } from "./code-format";
import type { PromoCodeInput } from "./schemas";

const DRAWS = 5;

/** Creates a code (the typed one, else a generated one) for an active partner enrolled in the program. */
export async function createPromoCode(ctx: TenantContext, partnerId: string, input: PromoCodeInput) {
  assertCan(ctx, "partners:write");
  const partner = await ctx.db.partner.findFirst({ where: { id: partnerId }, select: { id: true, status: true, market: true } });
  if (!partner) throw new NotFoundError();
  if (partner.status !== "active") throw new DomainError("promo_code_partner_inactive");
  const program = await ctx.db.program.findFirst({ where: { id: input.programId, archivedAt: null }, select: { id: true, markets: true } });
  const enrolled = program ? await ctx.db.programPartner.findFirst({ where: { programId: program.id, partnerId }, select: { id: true } }) : null;
  if (!program || !enrolled) throw new DomainError("promo_code_not_enrolled");
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { enabledMarkets: true } });
  const pair = { sourceMarket: partner.market, targetMarket: defaultTargetMarket(partner.market, program.markets, tenant?.enabledMarkets ?? []) };

  for (let draw = 1; ; draw++) {
    const code = input.code ?? generatePromoCode();
    try {
      return await ctx.db.$transaction(async (tx) => {
        const row = await tx.promoCode.create({
          data: { tenantId: ctx.tenantId, partnerId, programId: program.id, code, ...pair, createdById: ctx.userId },
        });
        await auditIn(tx, ctx, {
          action: "promo_code.created", entityType: "Partner", entityId: partnerId,
          data: { promoCodeId: row.id, code, programId: program.id, generated: input.code === undefined },
        });
        return row;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A typed code someone in this agency already has is the user's to change; a drawn one is drawn again.
      if (input.code !== undefined || draw >= DRAWS) throw new DomainError("promo_code_taken");
    }
  }
}

/** Deactivates a code: it stays listed (and on the events it credited) but credits nobody from now on. */
export async function deactivatePromoCode(ctx: TenantContext, id: string, now = new Date()) {
  assertCan(ctx, "partners:write");
  const code = await ctx.db.promoCode.findFirst({ where: { id }, select: { id: true, code: true, partnerId: true, deactivatedAt: true } });
  if (!code) throw new NotFoundError();
  if (code.deactivatedAt) return code;
  await ctx.db.$transaction(async (tx) => {
    await tx.promoCode.updateMany({ where: { id, deactivatedAt: null }, data: { deactivatedAt: now } });
    await auditIn(tx, ctx, { action: "promo_code.deactivated", entityType: "Partner", entityId: code.partnerId, data: { promoCodeId: id, code: code.code } });
  });
  return { ...code, deactivatedAt: now };
}
