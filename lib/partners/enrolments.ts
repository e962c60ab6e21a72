import { auditIn, recordAudit } from "@/lib/audit/record-audit";
import { emitWebhook } from "@/lib/webhooks/emit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { enrollablePrograms } from "./invite-partner";
import { defaultGroupIds } from "@/lib/groups/membership";

/** Enrols a partner of this tenant in a live program of this tenant; enrolling twice is harmless. */
export async function enrolPartner(ctx: TenantContext, partnerId: string, programId: string) {
  assertCan(ctx, "partners:write");
  const partner = await ctx.db.partner.findUnique({ where: { id: partnerId }, select: { status: true } });
  if (!partner) throw new NotFoundError();
  if (partner.status === "removed") throw new DomainError("partner_removed");
  const [program] = await enrollablePrograms(ctx, [programId]);
  await ctx.db.$transaction(async (tx) => {
    const groupId = (await defaultGroupIds(tx, [program.id])).get(program.id) ?? null;
    const { count } = await tx.programPartner.createMany({
      data: [{ tenantId: ctx.tenantId, programId: program.id, partnerId, groupId }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await auditIn(tx, ctx, { action: "partner.enrolled", entityType: "Partner", entityId: partnerId, data: { programId, program: program.name } });
    await emitWebhook(tx, { type: "partner.enrolled", partnerId, programId: program.id });
  });
}

/** Ends an enrolment. Referrals keep their program and partner, so history is unchanged. */
export async function unenrolPartner(ctx: TenantContext, partnerId: string, programId: string) {
  assertCan(ctx, "partners:write");
  const enrolment = await ctx.db.programPartner.findFirst({
    where: { partnerId, programId },
    select: { id: true, program: { select: { name: true } } },
  });
  if (!enrolment) throw new NotFoundError();
  await ctx.db.programPartner.deleteMany({ where: { id: enrolment.id } });
  await recordAudit(ctx, { action: "partner.unenrolled", entityType: "Partner", entityId: partnerId, data: { programId, program: enrolment.program.name } });
}
