// Public application pages are opened without an account: the tenant comes from the slug
// (PublicContext) and every query runs on its tenant-scoped client, under row-level security.
// Read-only lookups return only what such a page may show; the one write creates an application
// (partner row status "applied" + enrolment + audit entry) inside that tenant.
import type { PublicContext } from "@/lib/auth/contexts/public";
import type { Prisma } from "@/lib/db/generated/client";
import type { Market } from "@/lib/db/generated/enums";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { defaultGroupIds } from "@/lib/groups/membership";

/** An open, live program of the context's tenant; a program of another tenant is not found. */
export function findOpenProgram(ctx: PublicContext, programId: string) {
  return ctx.db.program.findFirst({
    where: { id: programId, access: "open", archivedAt: null },
    select: {
      id: true, tenantId: true, name: true, description: true, markets: true,
      tenant: { select: { name: true, slug: true } },
    },
  });
}

export type ApplicationRow = {
  name: string;
  email: string;
  market: Market;
  country: string | null;
  preferredLocale: string;
  /** Kept on the audit entry: the application text and the consent the applicant gave. */
  record: Prisma.InputJsonValue;
};

export type CreateApplicationResult = { ok: true; partnerId: string } | { ok: false; code: "already_applied" };

/** `groupId`: the group the application link named (checked by the caller), else the program's default group. */
export async function createApplication(ctx: PublicContext, program: { id: string }, row: ApplicationRow, groupId: string | null = null): Promise<CreateApplicationResult> {
  const { tenantId } = ctx;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const existing = await tx.partner.findUnique({ where: { tenantId_email: { tenantId, email: row.email } }, select: { id: true } });
      if (existing) return { ok: false, code: "already_applied" } as const;
      const partner = await tx.partner.create({
        data: {
          tenantId, name: row.name, email: row.email, market: row.market, country: row.country,
          preferredLocale: row.preferredLocale, status: "applied",
        },
      });
      const group = groupId ?? (await defaultGroupIds(tx, [program.id])).get(program.id) ?? null;
      await tx.programPartner.create({ data: { tenantId, programId: program.id, partnerId: partner.id, groupId: group } });
      await tx.auditLog.create({
        data: { tenantId, actorUserId: null, action: "partner.applied", entityType: "Partner", entityId: partner.id, data: row.record },
      });
      return { ok: true, partnerId: partner.id } as const;
    });
  } catch (error) {
    // The same e-mail applying twice at the same moment.
    if (isUniqueViolation(error)) return { ok: false, code: "already_applied" };
    throw error;
  }
}
