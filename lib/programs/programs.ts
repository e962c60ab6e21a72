import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { ProgramInput, ProgramSettingsInput } from "./schemas";
import { invalidateAllTrackedLinks } from "@/lib/tracking/registry";

// Reading programs is part of running partners; changing their terms (who may join, how long a
// referral is protected and credited) is workspace policy, so it needs settings:manage.

export async function listPrograms(ctx: TenantContext) {
  assertCan(ctx, "partners:read");
  const programs = await ctx.db.program.findMany({
    where: { archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      _count: { select: { enrolments: true, referrals: true } },
      groups: { select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] },
    },
  });
  return programs;
}

export async function createProgram(ctx: TenantContext, input: ProgramInput) {
  assertCan(ctx, "settings:manage");
  const program = await ctx.db.program.create({ data: { ...input, tenantId: ctx.tenantId } });
  await recordAudit(ctx, { action: "program.created", entityType: "Program", entityId: program.id, data: { name: program.name, access: program.access } });
  return program;
}

export async function updateProgramSettings(ctx: TenantContext, programId: string, input: ProgramSettingsInput) {
  assertCan(ctx, "settings:manage");
  const before = await ctx.db.program.findFirst({ where: { id: programId, archivedAt: null } });
  if (!before) throw new NotFoundError();
  await ctx.db.program.updateMany({ where: { id: programId }, data: input });
  // Cached link lookups carry the program's attribution window (cookie lifetime).
  invalidateAllTrackedLinks();
  const changed = Object.fromEntries(
    (Object.keys(input) as (keyof ProgramSettingsInput)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]))
      .map((k) => [k, { from: before[k], to: input[k] }]),
  );
  if (Object.keys(changed).length > 0) {
    await recordAudit(ctx, { action: "program.updated", entityType: "Program", entityId: programId, data: changed });
  }
}
