import { z } from "zod";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { checkbox } from "@/lib/kernel/fields";
import { NotFoundError } from "@/lib/kernel/errors";
import { monthDays, monthField } from "./month";

/** Staff entering a month's impressions of a placement (the ОРД wants them monthly), and whether they were sent. */
export const monthStatForm = z.object({
  month: monthField,
  impressions: z.string().trim().max(20).transform((v, ctx) => {
    const digits = v.replace(/[\s\u00a0\u202f]/g, "");
    if (!/^\d{1,10}$/.test(digits) || Number(digits) > 2_000_000_000) {
      ctx.addIssue({ code: "custom", message: digits ? "placement_count_invalid" : "required" });
      return z.NEVER;
    }
    return Number(digits);
  }),
  sent: checkbox,
});
export type MonthStatInput = z.output<typeof monthStatForm>;

/**
 * Records (or corrects) a placement's impressions for a month. `sent` marks the month's statistics as
 * sent to the ОРД — after a manual upload of the export; the ОРД sync marks it itself. The first
 * "sent" keeps its time; unticking clears it (sent by mistake). Audited.
 */
export async function recordMonthStat(ctx: TenantContext, placementId: string, input: MonthStatInput) {
  assertCan(ctx, "referrals:write");
  const month = monthDays(input.month).first;
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const placement = await tx.placement.findFirst({ where: { id: placementId }, select: { id: true } });
    if (!placement) throw new NotFoundError();
    const existing = await tx.placementMonthStat.findFirst({ where: { placementId, month } });
    const sent = input.sent ? { sentAt: existing?.sentAt ?? now, sentById: existing?.sentAt ? existing.sentById : ctx.userId } : { sentAt: null, sentById: null };
    const row = await tx.placementMonthStat.upsert({
      where: { placementId_month: { placementId, month } },
      create: { tenantId: ctx.tenantId, placementId, month, impressions: input.impressions, enteredById: ctx.userId, ...sent },
      update: { impressions: input.impressions, enteredById: ctx.userId, ...sent },
    });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "placement.statistics_recorded", entityType: "Placement", entityId: placementId,
      data: { month: input.month, impressions: input.impressions, before: existing?.impressions ?? null, sent: input.sent },
    });
    return row;
  });
}

/** A placement's months, newest first (the detail page). */
export async function listMonthStats(ctx: TenantContext, placementId: string) {
  assertCan(ctx, "referrals:read");
  return ctx.db.placementMonthStat.findMany({ where: { placementId }, orderBy: { month: "desc" } });
}
